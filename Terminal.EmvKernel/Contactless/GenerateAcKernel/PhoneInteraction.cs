namespace Terminal.EmvKernel.Contactless.GenerateAcKernel
{
    /// <summary>
    /// POS Cardholder Interaction Information 'DF4B' (Book C-2, 3 bytes: version, then indications), which a phone
    /// returns with its cryptogram. Byte 2 b5 (10) "OD-CVM verification successful"; byte 2 b4-b1 (08 context
    /// conflicting, 04 offline change PIN required, 02 ACK required, 01 PIN / OD-CVM required) ask the cardholder to
    /// act on the phone, as do byte 3 b4-b1 [K]. Book C-2 [K] (the default Phone Message Table maps these bits to
    /// "see phone"): an AAC whose PCII has any bit of '00 0F 0F' set is not a decline but "see phone": End
    /// Application, restart at B once the cardholder has acted on the phone.
    /// </summary>
    public static class PhoneInteraction
    {
        /// <summary>POS Cardholder Interaction Information.</summary>
        public const int Tag = 0xDF4B;

        /// <summary>True when <paramref name="pcii"/> (3 bytes) says the phone verified the cardholder (byte 2 b5).</summary>
        public static bool OnDeviceCvmVerified(byte[] pcii)
        {
            return pcii != null && pcii.Length == 3 && (pcii[1] & 0x10) != 0;
        }

        /// <summary>True when <paramref name="pcii"/> (3 bytes) asks the cardholder to act on the phone: PCII AND '00 0F 0F' not zero.</summary>
        public static bool SeePhone(byte[] pcii)
        {
            return pcii != null && pcii.Length == 3 && ((pcii[1] & 0x0F) != 0 || (pcii[2] & 0x0F) != 0);
        }
    }
}
