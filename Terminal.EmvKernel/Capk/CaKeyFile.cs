using System.Collections;
using Terminal.EmvKernel.Util;

namespace Terminal.EmvKernel.Capk
{
    /// <summary>
    /// Reads the CA public key file format (docs/ca-keys.md): ASCII text, one record per line, fields separated
    /// by spaces or tabs, '#' starts a comment, blank lines ignored, LF or CRLF line ends.
    /// <code>
    /// key    &lt;set&gt; &lt;rid&gt; &lt;index&gt; &lt;hash-alg&gt; &lt;pk-alg&gt; &lt;expiry&gt; &lt;exponent&gt; &lt;checksum&gt; &lt;modulus&gt;
    /// revoke &lt;set&gt; &lt;rid&gt; &lt;index&gt; &lt;serial&gt;
    /// </code>
    /// set is "test" or "live"; expiry is YYYYMMDD or "-" (not known); every other field is hexadecimal.
    /// A file is loaded whole or not at all: any error throws one <see cref="CaPublicKeyException"/> naming the
    /// line and the field, and leaves the store unchanged.
    /// </summary>
    public static class CaKeyFile
    {
        // Field names of a key line and of a revocation line, in order (the names used in errors).
        private static readonly string[] KeyFields =
            { "record", "set", "rid", "index", "hash-alg", "pk-alg", "expiry", "exponent", "checksum", "modulus" };

        private static readonly string[] RevocationFields = { "record", "set", "rid", "index", "serial" };

        /// <summary>
        /// Loads every key and revocation entry of the text into the store (and its revocation list). Returns the
        /// number of records loaded. Throws <see cref="CaPublicKeyException"/> with <see cref="CaPublicKeyException.Line"/>
        /// and <see cref="CaPublicKeyException.Field"/> set; the store is then unchanged.
        /// </summary>
        public static int Load(string text, CaPublicKeyStore store)
        {
            if (text == null) throw new System.ArgumentNullException("text");
            if (store == null) throw new System.ArgumentNullException("store");
            return LoadChars(text.ToCharArray(), store);
        }

        /// <summary>As <see cref="Load(string, CaPublicKeyStore)"/> for ASCII bytes (e.g. a file read from flash).</summary>
        public static int Load(byte[] ascii, int offset, int length, CaPublicKeyStore store)
        {
            if (ascii == null) throw new System.ArgumentNullException("ascii");
            if (store == null) throw new System.ArgumentNullException("store");
            if (offset < 0 || length < 0 || offset > ascii.Length - length) throw new System.ArgumentOutOfRangeException("length");
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = (char)ascii[offset + i];
            return LoadChars(chars, store);
        }

        private static int LoadChars(char[] text, CaPublicKeyStore store)
        {
            // Stage everything first so that a bad line leaves the store unchanged.
            CaPublicKeyStore staged = new CaPublicKeyStore(store.Set, store.Crypto);
            ArrayList revocations = new ArrayList();
            int line = 0;
            int start = 0;
            while (start <= text.Length)
            {
                int end = start;
                while (end < text.Length && text[end] != '\n') end++;
                line++;
                int stop = end;
                if (stop > start && text[stop - 1] == '\r') stop--;
                ParseLine(text, start, stop, line, store, staged, revocations);
                start = end + 1;
            }
            for (int i = 0; i < staged.Count; i++) store.AddChecked(staged.KeyAt(i));
            for (int i = 0; i < revocations.Count; i++)
            {
                RevocationLine r = (RevocationLine)revocations[i];
                store.Revocations.Add(r.Rid, r.Index, r.Serial);
            }
            return staged.Count + revocations.Count;
        }

        private static void ParseLine(char[] text, int start, int stop, int line, CaPublicKeyStore store,
            CaPublicKeyStore staged, ArrayList revocations)
        {
            ArrayList fields = new ArrayList();
            int i = start;
            bool comment = false;
            while (i < stop)
            {
                char c = text[i];
                if (c != '\t' && (c < ' ' || c > '~'))
                    throw new CaPublicKeyException(CaKeyError.InvalidCharacter, null, line, null,
                        "character code " + ((int)c).ToString() + " at column " + (i - start + 1).ToString() + " (the file is printable ASCII)");
                if (c == '#') comment = true;
                if (comment || c == ' ' || c == '\t') { i++; continue; }
                int fieldStart = i;
                while (i < stop && text[i] != ' ' && text[i] != '\t' && text[i] != '#' && text[i] >= ' ' && text[i] <= '~') i++;
                fields.Add(new string(text, fieldStart, i - fieldStart));
            }
            if (fields.Count == 0) return;

            string record = (string)fields[0];
            if (record == "key") ParseKey(fields, line, store, staged);
            else if (record == "revoke") ParseRevocation(fields, line, store, staged, revocations);
            else throw new CaPublicKeyException(CaKeyError.UnknownRecord, "record", line, null, "expected 'key' or 'revoke'");
        }

        private static void ParseKey(ArrayList fields, int line, CaPublicKeyStore store, CaPublicKeyStore staged)
        {
            CheckCount(fields, KeyFields, line);
            CaPublicKeySet set = ParseSet(fields, line, store.Set);
            byte[] rid = HexField(fields, 2, line, CaPublicKey.RidLength, CaPublicKey.RidLength);
            byte index = HexField(fields, 3, line, 1, 1)[0];
            string name = CaPublicKey.NameOf(rid, 0, index);
            byte hashAlg = HexField(fields, 4, line, 1, 1)[0];
            byte pkAlg = HexField(fields, 5, line, 1, 1)[0];
            EmvDate expiry = EmvDate.None;
            string expiryText = (string)fields[6];
            if (expiryText != "-" && !EmvDate.TryParseYyyymmdd(expiryText, out expiry))
                throw new CaPublicKeyException(CaKeyError.InvalidField, "expiry", line, name, "expected YYYYMMDD or '-'");
            byte[] exponent = HexField(fields, 7, line, 1, 3);
            byte[] checksum = HexField(fields, 8, line, CaPublicKey.ChecksumLength, CaPublicKey.ChecksumLength);
            byte[] modulus = HexField(fields, 9, line, 1, CaPublicKey.MaxModulusLength);
            try
            {
                CaPublicKey key = new CaPublicKey(set, rid, index, hashAlg, pkAlg, modulus, exponent, checksum, expiry);
                staged.CheckCanAdd(key);
                if (store.Find(rid, 0, index) != null)
                    throw new CaPublicKeyException(CaKeyError.Duplicate, "index", 0, name, "the store already holds this key");
                staged.AddChecked(key);
            }
            catch (CaPublicKeyException e)
            {
                throw e.AtLine(line);
            }
        }

        private static void ParseRevocation(ArrayList fields, int line, CaPublicKeyStore store, CaPublicKeyStore staged,
            ArrayList revocations)
        {
            CheckCount(fields, RevocationFields, line);
            ParseSet(fields, line, store.Set);
            RevocationLine r = new RevocationLine();
            r.Rid = HexField(fields, 2, line, CaPublicKey.RidLength, CaPublicKey.RidLength);
            r.Index = HexField(fields, 3, line, 1, 1)[0];
            r.Serial = HexField(fields, 4, line, CertificateRevocationList.SerialNumberLength, CertificateRevocationList.SerialNumberLength);
            try
            {
                if (store.Revocations.IsRevoked(r.Rid, 0, r.Index, r.Serial, 0))
                    throw new CaPublicKeyException(CaKeyError.Duplicate, "serial", 0, CaPublicKey.NameOf(r.Rid, 0, r.Index),
                        "certificate serial number " + Hex.Encode(r.Serial) + " is already listed");
                staged.Revocations.Add(r.Rid, r.Index, r.Serial);
            }
            catch (CaPublicKeyException e)
            {
                throw e.AtLine(line);
            }
            revocations.Add(r);
        }

        private static void CheckCount(ArrayList fields, string[] names, int line)
        {
            if (fields.Count == names.Length) return;
            string field = fields.Count < names.Length ? names[fields.Count] : null;
            throw new CaPublicKeyException(CaKeyError.FieldCount, field, line, null,
                "expected " + names.Length.ToString() + " fields, found " + fields.Count.ToString());
        }

        private static CaPublicKeySet ParseSet(ArrayList fields, int line, CaPublicKeySet storeSet)
        {
            CaPublicKeySet set;
            if (!CaPublicKeySetNames.TryParse((string)fields[1], out set))
                throw new CaPublicKeyException(CaKeyError.InvalidField, "set", line, null, "expected 'test' or 'live'");
            if (set != storeSet)
                throw new CaPublicKeyException(CaKeyError.WrongSet, "set", line, null,
                    "a " + CaPublicKeySetNames.Name(set) + " record cannot be loaded into a " + CaPublicKeySetNames.Name(storeSet) + " key store");
            return set;
        }

        private static byte[] HexField(ArrayList fields, int position, int line, int minBytes, int maxBytes)
        {
            string text = (string)fields[position];
            string field = KeyOrRevocationName(fields, position);
            if (!Hex.IsHex(text))
                throw new CaPublicKeyException(CaKeyError.InvalidField, field, line, null, "expected an even number of hexadecimal digits");
            int bytes = text.Length / 2;
            if (bytes < minBytes || bytes > maxBytes)
            {
                string expected = minBytes == maxBytes ? minBytes.ToString() : minBytes.ToString() + " to " + maxBytes.ToString();
                throw new CaPublicKeyException(CaKeyError.InvalidField, field, line, null,
                    "expected " + expected + " bytes, found " + bytes.ToString());
            }
            return Hex.Decode(text);
        }

        private static string KeyOrRevocationName(ArrayList fields, int position)
        {
            string[] names = (string)fields[0] == "key" ? KeyFields : RevocationFields;
            return names[position];
        }

        private sealed class RevocationLine
        {
            public byte[] Rid;
            public byte Index;
            public byte[] Serial;
        }
    }
}
