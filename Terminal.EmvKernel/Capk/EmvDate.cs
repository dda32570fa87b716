namespace Terminal.EmvKernel.Capk
{
    /// <summary>
    /// A calendar date (year, month, day) as used by the terminal for expiry checks: the Transaction Date
    /// (9A, n 6 YYMMDD), certificate expiration dates (MMYY) and CA public key expiry dates.
    /// The default value is <see cref="None"/> ("date not known").
    /// </summary>
    public struct EmvDate
    {
        // yyyymmdd; 0 means "not known".
        private readonly int _value;

        /// <summary>"No date": an unknown expiry date.</summary>
        public static readonly EmvDate None = new EmvDate();

        /// <summary>A date; throws <see cref="System.ArgumentException"/> when it does not exist in the calendar.</summary>
        public EmvDate(int year, int month, int day)
        {
            if (!IsValid(year, month, day))
                throw new System.ArgumentException("not a calendar date: " + year.ToString() + "-" + month.ToString() + "-" + day.ToString());
            _value = year * 10000 + month * 100 + day;
        }

        /// <summary>True for a real date, false for <see cref="None"/>.</summary>
        public bool IsKnown { get { return _value != 0; } }

        /// <summary>Four-digit year (0 for <see cref="None"/>).</summary>
        public int Year { get { return _value / 10000; } }

        /// <summary>Month 1-12 (0 for <see cref="None"/>).</summary>
        public int Month { get { return (_value / 100) % 100; } }

        /// <summary>Day of the month 1-31 (0 for <see cref="None"/>).</summary>
        public int Day { get { return _value % 100; } }

        /// <summary>The date as the number yyyymmdd (0 for <see cref="None"/>); orders like the date.</summary>
        public int ToNumber() { return _value; }

        /// <summary>Negative, zero or positive as this date is before, equal to or after the other.</summary>
        public int CompareTo(EmvDate other)
        {
            if (_value < other._value) return -1;
            return _value > other._value ? 1 : 0;
        }

        /// <summary>
        /// Reads a date in EMV format n 6 YYMMDD (e.g. the Transaction Date 9A). Two-digit years 00-49 are
        /// 2000-2049 and 50-99 are 1950-1999 (EMV 4.4 Book 4, 6.7.3). Returns false for non-BCD digits, a short
        /// array or a date that does not exist.
        /// </summary>
        public static bool TryFromYymmdd(byte[] data, int offset, out EmvDate date)
        {
            date = None;
            if (data == null || offset < 0 || offset > data.Length - 3) return false;
            int yy = BcdByte(data[offset]);
            int mm = BcdByte(data[offset + 1]);
            int dd = BcdByte(data[offset + 2]);
            if (yy < 0 || mm < 0 || dd < 0) return false;
            int year = YearOf(yy);
            if (!IsValid(year, mm, dd)) return false;
            date = new EmvDate(year, mm, dd);
            return true;
        }

        /// <summary>As <see cref="TryFromYymmdd"/>, but throws <see cref="System.ArgumentException"/> on bad input.</summary>
        public static EmvDate FromYymmdd(byte[] data, int offset)
        {
            EmvDate date;
            if (!TryFromYymmdd(data, offset, out date)) throw new System.ArgumentException("not a valid n 6 YYMMDD date");
            return date;
        }

        /// <summary>
        /// Reads eight decimal digits YYYYMMDD (the key file's expiry field). Returns false unless the text is
        /// exactly eight digits forming a real date.
        /// </summary>
        public static bool TryParseYyyymmdd(string text, out EmvDate date)
        {
            date = None;
            if (text == null || text.Length != 8) return false;
            int n = 0;
            for (int i = 0; i < 8; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') return false;
                n = n * 10 + (c - '0');
            }
            int year = n / 10000, month = (n / 100) % 100, day = n % 100;
            if (!IsValid(year, month, day)) return false;
            date = new EmvDate(year, month, day);
            return true;
        }

        /// <summary>
        /// Two-digit year to four digits: 00-49 are 20YY, 50-99 are 19YY (EMV 4.4 Book 4, 6.7.3).
        /// </summary>
        public static int YearOf(int twoDigitYear)
        {
            return twoDigitYear < 50 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
        }

        /// <summary>Value of one packed-BCD byte 00-99, or -1 when a nibble is not a decimal digit.</summary>
        public static int BcdByte(byte b)
        {
            int hi = b >> 4, lo = b & 0x0F;
            if (hi > 9 || lo > 9) return -1;
            return hi * 10 + lo;
        }

        /// <summary>YYYY-MM-DD, or "none".</summary>
        public override string ToString()
        {
            if (_value == 0) return "none";
            return Year.ToString() + "-" + Two(Month) + "-" + Two(Day);
        }

        private static string Two(int n) { return n < 10 ? "0" + n.ToString() : n.ToString(); }

        private static bool IsValid(int year, int month, int day)
        {
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
            return day <= DaysInMonth(year, month);
        }

        private static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }
            if (month == 4 || month == 6 || month == 9 || month == 11) return 30;
            return 31;
        }
    }
}
