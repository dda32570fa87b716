namespace Terminal.EmvKernel.Crypto
{
    /// <summary>
    /// <see cref="IRandomSource"/> over <see cref="System.Random"/>, for the device. On the ESP32 under
    /// nanoFramework, System.Random calls the hardware generator esp_random() in Next, NextBytes and
    /// NextDouble (nf-interpreter targets/ESP32/_nanoCLR/targetRandom.cpp), so it is fit for the EMV
    /// Unpredictable Number (9F37) and PIN block fill. Espressif documents the output as truly random only
    /// while Wi-Fi or Bluetooth is enabled or the bootloader entropy source is active; the firmware must
    /// keep one of them on. On desktop .NET, System.Random is a seeded pseudo-random generator and NOT fit
    /// for cryptographic use: PC builds use Terminal.Pc.Crypto.SystemRandomSource instead.
    /// </summary>
    public sealed class PlatformRandomSource : IRandomSource
    {
        private readonly System.Random _random = new System.Random();

        /// <summary>Fills buffer[offset..offset+length) with random bytes.</summary>
        public void NextBytes(byte[] buffer, int offset, int length)
        {
            CryptoArguments.CheckRange(buffer, offset, length, "buffer");
            if (offset == 0 && length == buffer.Length)
            {
                _random.NextBytes(buffer);
                return;
            }
            // The device mscorlib has only NextBytes(byte[]): fill a scratch array and copy the part asked for.
            byte[] scratch = new byte[length];
            _random.NextBytes(scratch);
            System.Array.Copy(scratch, 0, buffer, offset, length);
            System.Array.Clear(scratch, 0, length);
        }
    }
}
