using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Tlv;
using Terminal.EmvKernel.Util;

namespace Terminal.Firmware.Core.App
{
    /// <summary>
    /// The card channel handed to the contact kernel, passing every APDU through unchanged and noting the PAN
    /// ('5A', else the digits of '57') from READ RECORD responses, so that an online PIN can be enciphered into an
    /// ISO 9564 format 0 block the moment it is entered (cardholder verification runs after the records are
    /// read, Book 3 §10.2 before §10.5). The PAN stays in memory only for that.
    /// </summary>
    public sealed class PanWatchingChannel : ICardChannel
    {
        private const byte InsReadRecord = 0xB2;
        private readonly ICardChannel _card;

        /// <summary>Wraps <paramref name="card"/>.</summary>
        public PanWatchingChannel(ICardChannel card)
        {
            if (card == null) throw new System.ArgumentNullException("card");
            _card = card;
        }

        /// <summary>The PAN digits seen so far, or null.</summary>
        public string Pan { get; private set; }

        /// <inheritdoc/>
        public byte[] Transmit(byte[] command)
        {
            byte[] response = _card.Transmit(command);
            if (command != null && command.Length >= 2 && command[1] == InsReadRecord && response != null && response.Length > 2
                && response[response.Length - 2] == 0x90 && response[response.Length - 1] == 0x00)
            {
                Note(response);
            }
            return response;
        }

        private void Note(byte[] response)
        {
            try
            {
                TlvList record = TlvParser.Parse(response, 0, response.Length - 2);
                byte[] pan = record.FindValue(0x5A);
                if (pan != null)
                {
                    Pan = PanMask.PanDigits(pan);
                    return;
                }
                byte[] track2 = record.FindValue(0x57);
                if (track2 != null && Pan == null) Pan = PanMask.PanDigits(track2);
            }
            catch (TlvException)
            {
                // A malformed record is the kernel's to judge; the watcher only stays without a PAN.
            }
        }
    }
}
