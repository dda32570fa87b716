using System;
using System.Security.Cryptography;
using Terminal.EmvKernel.Crypto;

namespace Terminal.Pc.Crypto
{
    /// <summary>
    /// <see cref="IRandomSource"/> on the operating system's cryptographic generator
    /// (<see cref="RandomNumberGenerator"/>). The PC counterpart of the device's PlatformRandomSource:
    /// desktop System.Random is not fit for unpredictable numbers or PIN block fill.
    /// </summary>
    public sealed class SystemRandomSource : IRandomSource
    {
        /// <inheritdoc/>
        public void NextBytes(byte[] buffer, int offset, int length)
        {
            CryptoArguments.CheckRange(buffer, offset, length, "buffer");
            RandomNumberGenerator.Fill(buffer.AsSpan(offset, length));
        }
    }
}
