using Terminal.EmvKernel.Capk;
using Terminal.EmvKernel.Configuration;
using Terminal.EmvKernel.Contactless.EntryPoint;
using Terminal.EmvKernel.Contactless.GenerateAcKernel;
using Terminal.EmvKernel.Contactless.QuickKernel;
using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Util;
using Terminal.Firmware.Core.Provisioning;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The kernel pieces the application runs: the contact kernel (<see cref="ContactTransaction"/>, built per
    /// transaction from the kernel configuration and CA keys) and contactless Entry Point with the quick kernel
    /// serving kernel IDs 3 and 7 (C-3 pattern, UnionPay qUICS). Contactless combinations come from the
    /// provisioned AIDs that name a kernel, with the provisioned reader limits; the GENERATE AC kernel serves kernel
    /// ID 2 (C-2 pattern, phones with on-device CVM) with one configuration kept for the terminal's life (its torn
    /// transaction log outlives a tap).
    /// </summary>
    public sealed class PaymentKernels
    {
        /// <summary>
        /// TTQ base of every combination: B1 = 36 (EMV mode, contact chip, online PIN, signature), B3 = 40 (CDCVM)
        /// (Book C-3 Table 4-3 [K]); Entry Point's pre-processing sets the per-transaction bits.
        /// </summary>
        public static readonly byte[] DefaultTtq = { 0x36, 0x00, 0x40, 0x00 };

        private readonly ContactlessCombination[] _combinations;

        /// <summary>The kernels under <paramref name="kernel"/> (terminal and AID parameters), the CA keys and a random source.</summary>
        public PaymentKernels(KernelConfiguration kernel, CaPublicKeyStore caKeys, IRandomSource random, ContactlessCombination[] combinations)
        {
            if (kernel == null) throw new System.ArgumentNullException("kernel");
            if (caKeys == null) throw new System.ArgumentNullException("caKeys");
            if (random == null) throw new System.ArgumentNullException("random");
            Kernel = kernel;
            CaKeys = caKeys;
            Random = random;
            _combinations = combinations == null ? new ContactlessCombination[0] : combinations;
            GenerateAcConfiguration = NewGenerateAcConfiguration(kernel, caKeys, random, _combinations);
        }

        /// <summary>
        /// The GENERATE AC kernel's configuration: from the kernel configuration's parameters of the first kernel 2
        /// AID (TACs, application version, relay resistance, torn log) when present, the defaults otherwise; on-device
        /// CVM supported (the reader TTQ B3 b7 = CDCVM, <see cref="DefaultTtq"/>); the terminal's random source.
        /// </summary>
        public GenerateAcKernelConfiguration GenerateAcConfiguration { get; private set; }

        private static GenerateAcKernelConfiguration NewGenerateAcConfiguration(KernelConfiguration kernel, CaPublicKeyStore caKeys,
            IRandomSource random, ContactlessCombination[] combinations)
        {
            AidParameters parameters = null;
            for (int i = 0; i < combinations.Length && parameters == null; i++)
            {
                if (combinations[i].KernelId == KernelIdentifier.Kernel2) parameters = kernel.Find(combinations[i].Aid);
            }
            GenerateAcKernelConfiguration c = parameters != null ? GenerateAcKernelConfiguration.From(parameters, caKeys) : new GenerateAcKernelConfiguration(caKeys);
            c.OnDeviceCvmSupported = true;
            c.Random = random;
            return c;
        }

        /// <summary>The contact kernel's configuration.</summary>
        public KernelConfiguration Kernel { get; private set; }

        /// <summary>The CA public keys.</summary>
        public CaPublicKeyStore CaKeys { get; private set; }

        /// <summary>Random source for unpredictable numbers.</summary>
        public IRandomSource Random { get; private set; }

        /// <summary>Number of contactless combinations.</summary>
        public int CombinationCount
        {
            get { return _combinations.Length; }
        }

        /// <summary>The contactless combinations of the provisioned AIDs (kernel ID not 0) with the reader limits.</summary>
        public static ContactlessCombination[] CombinationsOf(TerminalConfiguration configuration)
        {
            if (configuration == null) throw new System.ArgumentNullException("configuration");
            int n = 0;
            for (int i = 0; i < configuration.Aids.Count; i++)
            {
                if (((AidEntry)configuration.Aids[i]).KernelId != 0) n++;
            }
            ContactlessCombination[] result = new ContactlessCombination[n];
            int k = 0;
            for (int i = 0; i < configuration.Aids.Count; i++)
            {
                AidEntry aid = (AidEntry)configuration.Aids[i];
                if (aid.KernelId == 0) continue;
                ContactlessCombination c = new ContactlessCombination(Bytes.Copy(aid.Aid), aid.KernelId);
                c.Ttq = Bytes.Copy(DefaultTtq);
                c.ZeroAmountAllowed = false;
                c.TransactionLimit = configuration.ContactlessTransactionLimit;
                c.CvmRequiredLimit = configuration.ContactlessCvmLimit;
                c.FloorLimit = configuration.ContactlessFloorLimit;
                result[k++] = c;
            }
            return result;
        }

        /// <summary>A contact kernel for one transaction.</summary>
        public ContactTransaction NewContact()
        {
            return new ContactTransaction(Kernel, CaKeys, Random);
        }

        /// <summary>Entry Point for one contactless transaction over <paramref name="reader"/>; <paramref name="kernels"/> are its kernels.</summary>
        public EntryPointProcess NewEntryPoint(IContactlessReader reader, IContactlessUserInterface ui, out ContactlessKernelSet kernels)
        {
            QuickKernelActivation quick = new QuickKernelActivation(new QuickKernelConfiguration(CaKeys), Kernel.Terminal, ui);
            GenerateAcKernelActivation generateAc = new GenerateAcKernelActivation(GenerateAcConfiguration, Kernel.Terminal, ui);
            kernels = new ContactlessKernelSet(quick, generateAc);
            EntryPointProcess process = new EntryPointProcess(_combinations, reader, ui, Random);
            int unit = 1;
            for (int i = 0; i < Kernel.Terminal.CurrencyExponent; i++) unit *= 10;
            process.OneUnitOfCurrency = unit;
            process.AddKernel(KernelIdentifier.Kernel3, quick);
            process.AddKernel(KernelIdentifier.Kernel7, quick);
            process.AddKernel(KernelIdentifier.Kernel2, generateAc);
            return process;
        }
    }
}
