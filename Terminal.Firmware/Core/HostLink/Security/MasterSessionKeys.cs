using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Crypto;
using Terminal.Firmware.Core.HostLink.Iso8583;

namespace Terminal.Firmware.Core.HostLink.Security
{
    /// <summary>
    /// Master/session key management of the UnionPay dialect: a terminal master key (TMK) injected at set-up;
    /// the PIN, MAC and (optional) track working keys arrive in field 62 of the sign-on response enciphered
    /// (DES/TDES-ECB) under the TMK, each with a 4-byte check value = leftmost 4 bytes of the key's encipherment
    /// of eight zero bytes. <see cref="InstallWorkingKeys"/> deciphers them, verifies every check value and only
    /// then replaces the installed keys; a mismatch raises <see cref="SecurityError.WorkingKeyCheckFailed"/> and
    /// leaves the previous keys in place.
    /// </summary>
    public sealed class MasterSessionKeys
    {
        /// <summary>Bytes of a check value.</summary>
        public const int CheckValueLength = UnionPayWorkingKeys.CheckValueLength;

        private byte[] _masterKey;
        private byte[] _pinKey;
        private byte[] _macKey;
        private byte[] _trackKey;

        /// <summary>Injects the terminal master key (8, 16 or 24 bytes; a copy is kept).</summary>
        public void LoadMasterKey(byte[] masterKey)
        {
            CheckDesKey(masterKey, "master key");
            KeyBytes.Wipe(_masterKey);
            _masterKey = Bytes.Copy(masterKey);
            ClearWorkingKeys();
        }

        /// <summary>True when PIN and MAC working keys are installed.</summary>
        public bool HasWorkingKeys
        {
            get { return _pinKey != null && _macKey != null; }
        }

        /// <summary>True when a track (data) key is installed.</summary>
        public bool HasTrackKey
        {
            get { return _trackKey != null; }
        }

        /// <summary>Check value of a DES/TDES key: leftmost 4 bytes of its encipherment of 8 zero bytes.</summary>
        public static byte[] CheckValue(byte[] key)
        {
            CheckDesKey(key, "key");
            byte[] block = DesCipher.Encrypt(key, null, new byte[8], 0, 8);
            byte[] kcv = Bytes.Slice(block, 0, CheckValueLength);
            KeyBytes.Wipe(block);
            return kcv;
        }

        /// <summary>Deciphers the working keys of field 62 under the TMK, verifies their check values and installs them.</summary>
        public void InstallWorkingKeys(UnionPayWorkingKeys keys)
        {
            if (_masterKey == null) throw new SecurityException(SecurityError.NoInitialKey, "no terminal master key loaded");
            if (keys == null) throw new System.ArgumentNullException("keys");
            byte[] pin = null, mac = null, track = null;
            try
            {
                pin = Unwrap(keys.PinKey, keys.PinKeyCheckValue, "PIN key");
                mac = Unwrap(keys.MacKey, keys.MacKeyCheckValue, "MAC key");
                if (keys.TrackKey != null) track = Unwrap(keys.TrackKey, keys.TrackKeyCheckValue, "track key");
            }
            catch (SecurityException)
            {
                KeyBytes.Wipe(pin);
                KeyBytes.Wipe(mac);
                KeyBytes.Wipe(track);
                throw;
            }
            ClearWorkingKeys();
            _pinKey = pin;
            _macKey = mac;
            _trackKey = track;
        }

        /// <summary>
        /// Wipes and forgets the working keys (the master key stays): after a sign-on whose keys were refused the
        /// host no longer holds the old ones, so nothing may be signed or enciphered with them.
        /// </summary>
        public void DiscardWorkingKeys()
        {
            ClearWorkingKeys();
        }

        /// <summary>ISO 9564 format 0 PIN block enciphered under the PIN working key. Wipes <paramref name="pinDigits"/>.</summary>
        public byte[] EncryptPinBlock(byte[] pinDigits, string pan)
        {
            if (_pinKey == null)
            {
                KeyBytes.Wipe(pinDigits);
                throw new SecurityException(SecurityError.NoWorkingKeys, "no PIN working key installed");
            }
            byte[] clear = PinBlock.Encode(PinBlock.Format0, pinDigits, pan, null);
            byte[] result = DesCipher.Encrypt(_pinKey, null, clear, 0, PinBlock.BlockLength);
            KeyBytes.Wipe(clear);
            return result;
        }

        /// <summary>
        /// Message MAC under the MAC working key: <see cref="MessageMacAlgorithm.RetailMac"/> needs a 16-byte key,
        /// <see cref="MessageMacAlgorithm.CbcMac"/> and <see cref="MessageMacAlgorithm.UnionPayEcb"/> take 8 or 16 bytes.
        /// </summary>
        public byte[] ComputeMac(MessageMacAlgorithm algorithm, byte[] data, int offset, int length)
        {
            if (_macKey == null) throw new SecurityException(SecurityError.NoWorkingKeys, "no MAC working key installed");
            if (algorithm == MessageMacAlgorithm.AesCmac) throw new SecurityException(SecurityError.BadMacAlgorithm, "the UnionPay MAC key is a DES/TDES key");
            return MessageMac.Compute(algorithm, _macKey, data, offset, length);
        }

        /// <summary>Enciphers data (a multiple of 8 bytes, e.g. track 2 data) TDES-ECB under the track key.</summary>
        public byte[] EncryptTrackData(byte[] data, int offset, int length)
        {
            if (_trackKey == null) throw new SecurityException(SecurityError.NoWorkingKeys, "no track working key installed");
            return DesCipher.Encrypt(_trackKey, null, data, offset, length);
        }

        /// <summary>
        /// Card data (PAN, track 2) enciphered under the track key, announced by UnionPay field 53.3 = 1: the
        /// generic <see cref="CardDataRecord"/> TDES-CBC (<see cref="CardDataEncryption.EncipherTdes"/>) [K: not the
        /// verified UnionPay track method].
        /// </summary>
        public byte[] EncipherCardData(CardDataRecord record)
        {
            if (_trackKey == null) throw new SecurityException(SecurityError.NoWorkingKeys, "no track working key installed");
            return CardDataEncryption.EncipherTdes(_trackKey, record);
        }

        private byte[] Unwrap(byte[] enciphered, byte[] checkValue, string what)
        {
            if (enciphered == null || (enciphered.Length != 8 && enciphered.Length != 16) || checkValue == null || checkValue.Length != CheckValueLength)
                throw new SecurityException(SecurityError.BadKeyLength, string.Concat(what, " or its check value has the wrong length"));
            byte[] key = DesCipher.Decrypt(_masterKey, null, enciphered, 0, enciphered.Length);
            byte[] kcv = CheckValue(key);
            bool ok = Bytes.FixedTimeEquals(kcv, 0, checkValue, 0, CheckValueLength);
            KeyBytes.Wipe(kcv);
            if (!ok)
            {
                KeyBytes.Wipe(key);
                throw new SecurityException(SecurityError.WorkingKeyCheckFailed, string.Concat(what, " check value does not match"));
            }
            return key;
        }

        private void ClearWorkingKeys()
        {
            KeyBytes.Wipe(_pinKey);
            KeyBytes.Wipe(_macKey);
            KeyBytes.Wipe(_trackKey);
            _pinKey = null;
            _macKey = null;
            _trackKey = null;
        }

        private static void CheckDesKey(byte[] key, string what)
        {
            if (key == null || (key.Length != 8 && key.Length != 16 && key.Length != 24))
                throw new SecurityException(SecurityError.BadKeyLength, string.Concat(what, " must be 8, 16 or 24 bytes"));
        }
    }
}
