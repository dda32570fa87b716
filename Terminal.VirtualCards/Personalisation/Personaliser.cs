using Terminal.EmvKernel.Crypto;
using Terminal.EmvKernel.Crypto.Emv;
using Terminal.VirtualCards.Card;

namespace Terminal.VirtualCards.Personalisation
{
    /// <summary>
    /// Turns a <see cref="CardProfile"/> and its test PKI key files into a <see cref="CardImage"/>
    /// (docs/card-profiles.md). Portable: the device self-test personalises its cards with it. Order per
    /// application: data objects from <c>[application]</c>; issuer certificate data (8F, 90, 92, 9F32) from the
    /// issuer key file; ICC exponent and remainder; the ODA records; the static data to be authenticated; then
    /// the SSAD (93, SDA) or the ICC certificate (9F46, DDA/CDA) signed with <see cref="CertificateFactory"/>;
    /// then the other records and the AFL.
    /// </summary>
    public static class Personaliser
    {
        /// <summary>Builds the card image. Every profile problem is a <see cref="CardProfileException"/>.</summary>
        public static CardImage Personalise(CardProfile profile, IPkiFileSource files, ICryptoProvider crypto)
        {
            if (profile == null) throw new System.ArgumentNullException("profile");
            if (crypto == null) throw new System.ArgumentNullException("crypto");
            CardImage image = new CardImage();
            image.Name = profile.Name;
            image.Description = profile.Statement;
            ProfileSection card = profile.Card;
            image.Atr = card.Hex("atr");
            image.HasPse = card.Flag("pse", true);
            image.HasPpse = card.Flag("ppse", true);
            image.PseSfi = card.Number("pse-sfi", 1, 30, 1);
            ApplyCardBehaviour(profile.CardBehaviour, image.Behaviour);
            if (profile.Track != null && profile.Track.Flag("magstripe-only", false))
            {
                image.HasPse = false;
                image.HasPpse = false;
            }
            for (int i = 0; i < profile.ApplicationCount; i++)
                image.AddApplication(BuildApplication(profile.ApplicationAt(i), files, crypto));
            return image;
        }

        private static void ApplyCardBehaviour(ProfileSection s, CardBehaviour b)
        {
            if (s == null) return;
            ProfileEntry t0 = s.Find("t0");
            if (t0 != null)
            {
                if (t0.Value == "direct") b.T0Mode = T0ResponseMode.Direct;
                else if (t0.Value == "61") b.T0Mode = T0ResponseMode.GetResponse61;
                else if (t0.Value == "6c") b.T0Mode = T0ResponseMode.WrongLength6C;
                else throw ProfileValues.Invalid(t0, "expected direct, 61 or 6c");
            }
            b.RemoveAfterCommands = s.Number("remove-after", 0, 1000, 0);
            b.ProcessingTimeMs = s.Number("processing-time-ms", 0, 100000, 0);
        }

        private static CardApplication BuildApplication(ProfileApplication pa, IPkiFileSource files, ICryptoProvider crypto)
        {
            ProfileSection s = pa.Application;
            byte[] aid = ProfileValues.ParseHex(s.Argument);
            if (aid == null || aid.Length < 5 || aid.Length > 16)
                throw new CardProfileException(CardProfileError.InvalidValue, s.Line, "application", "the AID is 5 to 16 bytes hex");
            ApplicationData data = ApplicationData.From(s, aid);
            RecordPlan plan = RecordPlan.Parse(pa.Records);
            CardApplication app = new CardApplication();
            app.Aid = aid;
            ApplySelectionAndDols(s, data, app);
            ApplyRiskAndPin(s, app);
            ApplyContactless(s, app);
            ApplyKeys(pa.Keys, app, s);
            ApplyBehaviour(pa.Behaviour, app);

            string oda = s.Text("oda");
            if (oda == null) oda = "none";
            if (oda != "none" && oda != "sda" && oda != "dda" && oda != "cda")
                throw ProfileValues.Invalid(s.Find("oda"), "expected none, sda, dda or cda");
            PkiKeyFile issuer = null;
            PkiKeyFile icc = null;
            if (oda != "none")
            {
                issuer = LoadKey(pa.Keys, "issuer", files, s);
                if (!issuer.HasIssuerCertificate) throw new CardProfileException(CardProfileError.KeyFile, pa.Keys.Find("issuer").Line, "issuer", "the file holds no [issuer-certificate]");
                int caIndex = issuer.CaIndex;
                ProfileEntry ci = pa.Keys.Find("ca-index");
                if (ci != null) caIndex = ApplicationData.Sized(ci, 1, 1)[0];
                data.Set(0x8F, new byte[] { (byte)caIndex }, pa.Keys.Line, "ca-index");
                byte[] cert = (byte[])issuer.Certificate.Clone();
                if (pa.Behaviour != null && pa.Behaviour.Flag("corrupt-issuer-certificate", false)) cert[cert.Length / 2] ^= 0x5A;
                data.Set(0x90, cert, pa.Keys.Line, "issuer");
                if (issuer.Remainder.Length > 0) data.Set(0x92, issuer.Remainder, pa.Keys.Line, "issuer");
                data.Set(0x9F32, issuer.PrivateKey.PublicExponent, pa.Keys.Line, "issuer");
                if (oda != "sda")
                {
                    icc = LoadKey(pa.Keys, "icc", files, s);
                    app.IccPrivateKey = icc.PrivateKey;
                    data.Set(0x9F47, icc.PrivateKey.PublicExponent, pa.Keys.Line, "icc");
                    byte[] rem = IccRemainder(icc.PrivateKey.Modulus, issuer.PrivateKey.ModulusLength);
                    if (rem.Length > 0) data.Set(0x9F48, rem, pa.Keys.Line, "icc");
                }
            }
            if (plan.Lists(0x93, true) || plan.Lists(0x9F46, true))
                throw new CardProfileException(CardProfileError.Inconsistent, pa.Records.Line, "records", "93 and 9F46 are signed over the ODA records, so they cannot be in one");

            plan.Build(data, true);
            byte[] staticData = plan.StaticData(data);
            if (oda == "sda")
            {
                ProfileEntry dac = s.Find("dac");
                byte[] dacValue = dac == null ? new byte[] { 0xDA, 0xC1 } : ApplicationData.Sized(dac, 2, 2);
                data.Set(0x93, CertificateFactory.SignedStaticData(crypto, issuer.PrivateKey, dacValue, staticData), s.Line, "dac");
            }
            else if (oda != "none")
            {
                byte[] rem;
                byte[] cert = CertificateFactory.IccCertificate(crypto, issuer.PrivateKey, Pan10(data, s),
                    IccExpiry(s, data), Serial(s), icc.PrivateKey.Modulus, icc.PrivateKey.PublicExponent, staticData, out rem);
                data.Set(0x9F46, cert, s.Line, "icc");
            }
            if (pa.Behaviour != null && pa.Behaviour.Flag("tamper-static-data", false)) plan.TamperFirstOdaRecord();
            plan.Build(data, false);
            plan.AddTo(app);
            app.Afl = plan.Afl();
            return app;
        }

        private static void ApplySelectionAndDols(ProfileSection s, ApplicationData data, CardApplication app)
        {
            string label = s.Text("label");
            if (label != null) app.Label = label;
            app.PreferredName = s.Text("preferred-name");
            app.LanguagePreference = s.Text("language");
            byte[] v = data.Get(0x87);
            if (v != null) app.ApplicationPriorityIndicator = v[0];
            v = data.Get(0x9F11);
            if (v != null) app.IssuerCodeTableIndex = v[0];
            app.KernelIdentifier = s.Hex("kernel-id");
            app.InPse = s.Flag("in-pse", true);
            app.InPpse = s.Flag("in-ppse", true);
            app.Pdol = data.Get(0x9F38);
            byte[] aip = data.Get(0x82);
            if (aip == null) throw new CardProfileException(CardProfileError.Missing, s.Line, "aip", "required in [application]");
            app.Aip = aip;
            app.Cdol1 = data.Get(0x8C);
            app.Cdol2 = data.Get(0x8D);
            app.Ddol = data.Get(0x9F49);
            app.Drdol = data.Get(0x9F51);
            app.LogFormat = data.Get(0x9F4F);
            app.GpoFormat = s.Number("gpo-format", 1, 2, 1);
            app.GenerateAcFormat = s.Number("generate-ac-format", 1, 2, 1);
        }

        private static void ApplyRiskAndPin(ProfileSection s, CardApplication app)
        {
            ProfileEntry pin = s.Find("pin");
            if (pin != null)
            {
                if (pin.Value.Length < 4 || pin.Value.Length > 12) throw ProfileValues.Invalid(pin, "a PIN is 4 to 12 digits");
                ProfileValues.BcdOf(pin, 4, 12, false);
                app.Pin = pin.Value;
            }
            app.PinTryLimit = s.Number("pin-try-limit", 1, 15, 3);
            app.PinTryCounter = s.Number("pin-try-counter", 0, app.PinTryLimit, app.PinTryLimit);
            app.Atc = s.Number("atc", 0, 65535, 0);
            app.LastOnlineAtc = s.Number("last-online-atc", 0, 65535, 0);
            app.LowerConsecutiveOfflineLimit = s.Number("lower-offline-limit", 0, 255, 0);
            app.UpperConsecutiveOfflineLimit = s.Number("upper-offline-limit", 0, 255, 0);
            app.DerivationKeyIndex = s.Number("derivation-key-index", 0, 255, 1);
            app.IssuerDiscretionaryData = s.Hex("iad-discretionary");
            ProfileEntry cvn = s.Find("cvn");
            if (cvn != null) app.CryptogramVersion = ParseCvn(cvn);
        }

        /// <summary><c>visa-10</c>, <c>mastercard-16</c>, ... : a <see cref="CryptogramVersion"/> the kernel knows.</summary>
        private static CryptogramVersion ParseCvn(ProfileEntry e)
        {
            int dash = e.Value.IndexOf('-');
            if (dash > 0 && dash < e.Value.Length - 1)
            {
                string scheme = e.Value.Substring(0, dash);
                string number = e.Value.Substring(dash + 1);
                string name = scheme == "visa" ? "Visa" : scheme == "mastercard" ? "Mastercard" : scheme == "interac" ? "Interac" : null;
                int n = 0;
                bool digits = number.Length > 0 && number.Length < 4;
                for (int i = 0; i < number.Length && digits; i++)
                {
                    if (number[i] < '0' || number[i] > '9') digits = false;
                    else n = n * 10 + (number[i] - '0');
                }
                if (name != null && digits)
                {
                    CryptogramVersion v = CryptogramVersion.Find(name, n);
                    if (v != null) return v;
                }
            }
            throw ProfileValues.Invalid(e, "expected visa-10, visa-18, visa-22, mastercard-16, mastercard-17, mastercard-20, mastercard-21 or interac-133");
        }

        private static void ApplyContactless(ProfileSection s, CardApplication app)
        {
            ProfileEntry p = s.Find("personality");
            if (p != null)
            {
                if (p.Value == "none") app.Personality = ContactlessPersonality.None;
                else if (p.Value == "visa-qvsdc") app.Personality = ContactlessPersonality.VisaQvsdc;
                else if (p.Value == "mastercard-mchip") app.Personality = ContactlessPersonality.MastercardMChip;
                else throw ProfileValues.Invalid(p, "expected none, visa-qvsdc or mastercard-mchip");
            }
            app.Ctq = s.Hex("ctq");
            app.CardAuthenticationRelatedData = s.Hex("card-auth-data");
            ProfileEntry d = s.Find("contactless-decision");
            if (d != null) app.ContactlessDecision = ParseCryptogram(d);
            app.MinRelayResistanceProcessingTime = s.Number("relay-min-time", 0, 65535, 0);
            app.MaxRelayResistanceProcessingTime = s.Number("relay-max-time", 0, 65535, 0);
            app.RelayResistanceTransmissionTime = s.Number("relay-transmission-time", 0, 65535, 0);
            ProfileEntry pcii = s.Find("pcii");
            if (pcii != null) app.PosCardholderInteraction = ApplicationData.Sized(pcii, 3, 3);
        }

        private static CardCryptogramType ParseCryptogram(ProfileEntry e)
        {
            if (e.Value == "tc") return CardCryptogramType.Tc;
            if (e.Value == "arqc") return CardCryptogramType.Arqc;
            if (e.Value == "aac") return CardCryptogramType.Aac;
            throw ProfileValues.Invalid(e, "expected tc, arqc or aac");
        }

        private static void ApplyKeys(ProfileSection k, CardApplication app, ProfileSection s)
        {
            if (k == null) return;
            byte[] ac = Key16(k, "mk-ac"), smi = Key16(k, "mk-smi"), smc = Key16(k, "mk-smc");
            if (ac != null || smi != null || smc != null)
            {
                if (ac == null || smi == null || smc == null)
                    throw new CardProfileException(CardProfileError.Missing, k.Line, ac == null ? "mk-ac" : smi == null ? "mk-smi" : "mk-smc", "give all three ICC master keys");
                app.MasterKeys = new IccMasterKeys(ac, smi, smc);
            }
            ProfileEntry pinKey = k.Find("pin-key");
            if (pinKey != null && pinKey.Value != "icc") throw ProfileValues.Invalid(pinKey, "only 'icc' (encipher under the ICC key) is supported");
        }

        private static byte[] Key16(ProfileSection k, string key)
        {
            ProfileEntry e = k.Find(key);
            return e == null ? null : ApplicationData.Sized(e, 16, 16);
        }

        private static void ApplyBehaviour(ProfileSection b, CardApplication app)
        {
            if (b == null) return;
            app.Blocked = b.Flag("blocked", false);
            app.ForceAac = b.Flag("force-aac", false);
            app.ForceOnline = b.Flag("force-online", false);
            app.TamperSignatures = b.Flag("tamper-signatures", false);
            app.PreviousTransactionNotCompleted = b.Flag("previous-not-completed", false);
            app.IssuerAuthenticationFailedLastTime = b.Flag("issuer-auth-failed-last-time", false);
            app.OnDeviceCvmPending = b.Flag("phone-cvm-pending", false);
            ProfileEntry sw = b.Find("gpo-status");
            if (sw != null)
            {
                byte[] v = ApplicationData.Sized(sw, 2, 2);
                app.GpoStatusWord = (v[0] << 8) | v[1];
            }
        }

        private static PkiKeyFile LoadKey(ProfileSection keys, string key, IPkiFileSource files, ProfileSection app)
        {
            if (keys == null) throw new CardProfileException(CardProfileError.Missing, app.Line, "keys", "ODA needs a [keys] section");
            ProfileEntry e = keys.Find(key);
            if (e == null) throw new CardProfileException(CardProfileError.Missing, keys.Line, key, "required for this ODA kind");
            if (files == null) throw new CardProfileException(CardProfileError.KeyFile, e.Line, key, "no key file source given");
            string text = files.ReadText(e.Value);
            if (text == null) throw new CardProfileException(CardProfileError.KeyFile, e.Line, key, "key file not found");
            try { return PkiKeyFile.Parse(text); }
            catch (CardProfileException inner)
            {
                throw new CardProfileException(CardProfileError.KeyFile, e.Line, key,
                    "key file line " + inner.Line.ToString() + ": " + CardProfileErrorNames.Name(inner.Error));
            }
        }

        /// <summary>The ICC key digits that do not fit the ICC certificate (N_I - 42 bytes of room, Book 2 Table 14).</summary>
        private static byte[] IccRemainder(byte[] iccModulus, int issuerModulusLength)
        {
            int room = issuerModulusLength - 42;
            int n = iccModulus.Length > room ? iccModulus.Length - room : 0;
            byte[] r = new byte[n];
            System.Array.Copy(iccModulus, iccModulus.Length - n, r, 0, n);
            return r;
        }

        private static byte[] Pan10(ApplicationData data, ProfileSection s)
        {
            byte[] pan = data.Get(0x5A);
            if (pan == null) throw new CardProfileException(CardProfileError.Missing, s.Line, "pan", "the ICC certificate names the PAN");
            byte[] r = new byte[10];
            for (int i = 0; i < 10; i++) r[i] = i < pan.Length ? pan[i] : (byte)0xFF;
            return r;
        }

        /// <summary>ICC certificate expiry MMYY: <c>icc-cert-expiry</c>, else the application expiry month (5F24).</summary>
        private static byte[] IccExpiry(ProfileSection s, ApplicationData data)
        {
            ProfileEntry e = s.Find("icc-cert-expiry");
            if (e != null) return ProfileValues.MonthOf(e);
            byte[] exp = data.Get(0x5F24);
            if (exp == null) throw new CardProfileException(CardProfileError.Missing, s.Line, "expiry", "needed for the ICC certificate expiry");
            return new byte[] { exp[1], exp[0] };
        }

        private static byte[] Serial(ProfileSection s)
        {
            ProfileEntry e = s.Find("icc-cert-serial");
            return e == null ? new byte[] { 0x00, 0x00, 0x01 } : ApplicationData.Sized(e, 3, 3);
        }
    }
}
