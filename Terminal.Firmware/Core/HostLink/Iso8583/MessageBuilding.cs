namespace Terminal.Firmware.Core.HostLink.Iso8583
{
    /// <summary>Small setters shared by the dialect message builders: set when present, or require.</summary>
    internal static class MessageBuilding
    {
        /// <summary>Sets the field when the text is non-null.</summary>
        internal static void Optional(Iso8583Message m, int field, string value)
        {
            if (value != null) m.SetString(field, value);
        }

        /// <summary>Sets the field when the bytes are non-null.</summary>
        internal static void Optional(Iso8583Message m, int field, byte[] value)
        {
            if (value != null) m.SetBytes(field, value);
        }

        /// <summary>Sets the field; a null value raises <see cref="Iso8583Error.MissingField"/>.</summary>
        internal static void Required(Iso8583Message m, int field, string value)
        {
            if (value == null) throw Missing(field);
            m.SetString(field, value);
        }

        /// <summary>Sets the numeric field at the table's width; a negative number raises <see cref="Iso8583Error.MissingField"/>.</summary>
        internal static void Required(Iso8583Packager p, Iso8583Message m, int field, long value)
        {
            if (value < 0) throw Missing(field);
            p.SetNumeric(m, field, value);
        }

        /// <summary>The exception for a mandatory builder input that is missing.</summary>
        internal static Iso8583Exception Missing(int field)
        {
            return new Iso8583Exception(Iso8583Error.MissingField, field, Iso8583Exception.NoOffset, "builder input missing");
        }

        /// <summary>The fields argument of a builder must not be null.</summary>
        internal static void CheckInput(object value)
        {
            if (value == null) throw new Iso8583Exception(Iso8583Error.InvalidValue, Iso8583Exception.NoField, Iso8583Exception.NoOffset, "null builder input");
        }

        /// <summary>A response to <paramref name="request"/>: response MTI, header as given, echoed fields, DE 39.</summary>
        internal static Iso8583Message Response(Iso8583Message request, byte[] header, int[] echo, string responseCode)
        {
            CheckInput(request);
            Iso8583Message response = new Iso8583Message(MessageTypes.ResponseOf(request.Mti));
            response.RawHeader = header;
            response.CopyFields(request, echo);
            Required(response, 39, responseCode);
            return response;
        }
    }
}
