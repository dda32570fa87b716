using System;
using System.Numerics;
using System.Security.Cryptography;
using Terminal.EmvKernel.Crypto;

namespace Terminal.Pc.Crypto
{
    /// <summary>
    /// <see cref="ICryptoProvider"/> on the .NET class library (System.Security.Cryptography, OpenSSL on Linux),
    /// for PC builds and as an independent oracle for <see cref="PortableCryptoProvider"/>; both give identical
    /// results and raise the same argument errors. Traps handled here (docs: host-and-crypto.md 1.1):
    /// <list type="bullet">
    /// <item>The one-shot TripleDES calls reject 16-byte keys, so a 2-key K1|K2 is expanded to K1|K2|K1.</item>
    /// <item>Single DES uses DES.Create(). The Key setters refuse DES weak and semi-weak keys and TDES keys with
    /// K1 = K2 or K2 = K3, which payment test keys and DUKPT can produce; those go through
    /// TripleDES.CreateEncryptor(key, iv), which does not check, with a DES key K given as K|K|K.</item>
    /// <item>RSA uses BigInteger.ModPow on unsigned big-endian values.</item>
    /// </list>
    /// Stateless and safe to share.
    /// </summary>
    public sealed class BclCryptoProvider : ICryptoProvider
    {
        /// <inheritdoc/>
        public byte[] Sha1(byte[] data, int offset, int length)
        {
            CryptoArguments.CheckRange(data, offset, length, "data");
            return SHA1.HashData(data.AsSpan(offset, length));
        }

        /// <inheritdoc/>
        public byte[] Sha256(byte[] data, int offset, int length)
        {
            CryptoArguments.CheckRange(data, offset, length, "data");
            return SHA256.HashData(data.AsSpan(offset, length));
        }

        /// <inheritdoc/>
        public byte[] RsaPublic(byte[] modulus, byte[] exponent, byte[] input)
        {
            if (modulus == null) throw new ArgumentNullException(nameof(modulus));
            if (exponent == null) throw new ArgumentNullException(nameof(exponent));
            if (input == null) throw new ArgumentNullException(nameof(input));
            if (input.Length != modulus.Length)
            {
                throw new ArgumentException("input is " + input.Length + " bytes but the modulus is " + modulus.Length + " bytes", nameof(input));
            }
            var n = new BigInteger(modulus, isUnsigned: true, isBigEndian: true);
            var e = new BigInteger(exponent, isUnsigned: true, isBigEndian: true);
            var x = new BigInteger(input, isUnsigned: true, isBigEndian: true);
            if (n.IsZero) throw new ArgumentException("modulus is zero", nameof(modulus));
            if (x >= n) throw new ArgumentException("input is not smaller than the modulus", nameof(input));
            byte[] value = BigInteger.ModPow(x, e, n).ToByteArray(isUnsigned: true, isBigEndian: true);
            byte[] result = new byte[modulus.Length];
            Array.Copy(value, 0, result, result.Length - value.Length, value.Length);
            return result;
        }

        /// <inheritdoc/>
        public byte[] Tdes(CipherDirection direction, byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (key.Length != 8 && key.Length != 16 && key.Length != 24) throw CryptoArguments.BadKeyLength("DES/TDES", "8, 16 or 24", key.Length);
            CheckBlocks(iv, data, offset, length, 8);
            ReadOnlySpan<byte> input = data.AsSpan(offset, length);
            bool decrypt = direction == CipherDirection.Decrypt;
            if (key.Length == 8 && !DES.IsWeakKey(key) && !DES.IsSemiWeakKey(key))
            {
                using DES des = DES.Create();
                des.Key = key;
                return OneShot(des, decrypt, iv, input);
            }
            byte[] key24 = new byte[24];
            Array.Copy(key, 0, key24, 0, key.Length == 8 ? 8 : 16);
            Array.Copy(key, key.Length == 24 ? 16 : 0, key24, 16, 8);
            if (key.Length == 8) Array.Copy(key, 0, key24, 8, 8);
            try
            {
                using TripleDES tdes = TripleDES.Create();
                if (!TripleDES.IsWeakKey(key24))
                {
                    tdes.Key = key24;
                    return OneShot(tdes, decrypt, iv, input);
                }
                tdes.Mode = iv == null ? CipherMode.ECB : CipherMode.CBC;
                tdes.Padding = PaddingMode.None;
                using ICryptoTransform transform = decrypt ? tdes.CreateDecryptor(key24, iv) : tdes.CreateEncryptor(key24, iv);
                return transform.TransformFinalBlock(data, offset, length);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key24);
            }
        }

        /// <inheritdoc/>
        public byte[] Aes(CipherDirection direction, byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (key.Length != 16 && key.Length != 24 && key.Length != 32) throw CryptoArguments.BadKeyLength("AES", "16, 24 or 32", key.Length);
            CheckBlocks(iv, data, offset, length, 16);
            using System.Security.Cryptography.Aes aes = System.Security.Cryptography.Aes.Create();
            aes.Key = key;
            return OneShot(aes, direction == CipherDirection.Decrypt, iv, data.AsSpan(offset, length));
        }

        private static void CheckBlocks(byte[] iv, byte[] data, int offset, int length, int blockSize)
        {
            CryptoArguments.CheckRange(data, offset, length, "data");
            CryptoArguments.CheckBlockMultiple(length, blockSize, "data");
            CryptoArguments.CheckIv(iv, blockSize);
        }

        private static byte[] OneShot(SymmetricAlgorithm algorithm, bool decrypt, byte[] iv, ReadOnlySpan<byte> input)
        {
            if (iv == null)
            {
                return decrypt ? algorithm.DecryptEcb(input, PaddingMode.None) : algorithm.EncryptEcb(input, PaddingMode.None);
            }
            return decrypt ? algorithm.DecryptCbc(input, iv, PaddingMode.None) : algorithm.EncryptCbc(input, iv, PaddingMode.None);
        }
    }
}
