using Terminal.EmvKernel.Util;
using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// Application selection, EMV 4.4 Book 1, section 12: the candidate list from the Payment System
    /// Environment (12.3.2) or, failing that, from the terminal's list of AIDs (12.3.3), then final selection
    /// (12.4) with cardholder confirmation through <see cref="ICardholderConfirmation"/>. When GET PROCESSING
    /// OPTIONS answers '6985', <see cref="RemoveCurrentAndSelectNext"/> drops the application and selects again
    /// from the same list (Book 3, 10.1). Every ending error is a <see cref="KernelTerminatedException"/>.
    /// </summary>
    public sealed class ApplicationSelection
    {
        /// <summary>"1PAY.SYS.DDF01", the PSE name (Book 1, 12.2.2).</summary>
        public static readonly byte[] PseName = { 0x31, 0x50, 0x41, 0x59, 0x2E, 0x53, 0x59, 0x53, 0x2E, 0x44, 0x44, 0x46, 0x30, 0x31 };

        /// <summary>Bound on SELECT next occurrence for one terminal AID (a card cannot hold more ADFs than this).</summary>
        public const int MaxOccurrences = 32;

        private const int TagFci = 0x6F;
        private const int TagDfName = 0x84;
        private const int TagFciProprietary = 0xA5;
        private const int TagSfi = 0x88;
        private const int TagRecord = 0x70;
        private const int TagApplicationTemplate = 0x61;
        private const int TagAdfName = 0x4F;

        private readonly ApduTransport _transport;
        private readonly TerminalAid[] _aids;
        private readonly ICardholderConfirmation _confirmation;
        private readonly CandidateList _candidates = new CandidateList();
        private bool _built;
        private byte[] _lastSelectedDfName;
        private byte[] _lastSelectedFci;

        /// <summary>
        /// Selection over <paramref name="transport"/> for the terminal's AIDs in configuration order.
        /// <paramref name="confirmation"/> null means the terminal cannot ask the cardholder (Book 1, 12.4).
        /// </summary>
        public ApplicationSelection(ApduTransport transport, TerminalAid[] aids, ICardholderConfirmation confirmation)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (aids == null) throw new System.ArgumentNullException("aids");
            for (int i = 0; i < aids.Length; i++)
            {
                if (aids[i] == null) throw new System.ArgumentException("null terminal AID", "aids");
            }
            _transport = transport;
            _aids = aids;
            _confirmation = confirmation;
            UsePse = true;
        }

        /// <summary>True (default): try the PSE before the list of AIDs (Book 1, 12.3.1: the PSE is optional for the terminal).</summary>
        public bool UsePse { get; set; }

        /// <summary>True when the candidate list came from the PSE directory.</summary>
        public bool CandidatesFromPse { get; private set; }

        /// <summary>The candidate list in priority order (empty until built).</summary>
        public CandidateList Candidates
        {
            get { return _candidates; }
        }

        /// <summary>The application chosen by the last final selection, or null.</summary>
        public SelectedApplication Current { get; private set; }

        /// <summary>Builds the candidate list (done once), then makes the final selection (Book 1, 12.4).</summary>
        public SelectedApplication SelectApplication()
        {
            if (!_built) BuildCandidateList();
            return FinalSelection();
        }

        /// <summary>
        /// Removes the current application from the candidate list and makes the final selection again without
        /// rebuilding the list (Book 3, 10.1: GPO answered '6985'; Book 1, 12.4). Terminates with
        /// <see cref="KernelTerminationReason.NoMutualApplication"/> when no candidate is left.
        /// </summary>
        public SelectedApplication RemoveCurrentAndSelectNext()
        {
            if (Current != null) _candidates.Remove(Current.Candidate);
            Current = null;
            _lastSelectedDfName = null;
            _lastSelectedFci = null;
            return FinalSelection();
        }

        /// <summary>
        /// Builds the candidate list: the PSE first when <see cref="UsePse"/> (Book 1, 12.3.2), the list of AIDs
        /// when the PSE is absent, fails or yields nothing (12.3.2 and 12.3.3).
        /// </summary>
        public CandidateList BuildCandidateList()
        {
            _candidates.Clear();
            CandidatesFromPse = false;
            if (UsePse && ReadPseDirectory())
            {
                CandidatesFromPse = true;
            }
            else
            {
                // Book 1, 12.3.2: any PSE error clears what the PSE gave and uses the list of AIDs.
                _candidates.Clear();
                SelectEachTerminalAid();
            }
            _built = true;
            return _candidates;
        }

        /// <summary>Book 1, 12.3.2: PSE directory. False means "use the list of AIDs".</summary>
        private bool ReadPseDirectory()
        {
            ResponseApdu response = ExchangeTolerant(EmvCommands.SelectByName(PseName, false), "SELECT PSE");
            if (response == null) return false;
            // Book 1, 12.3.2 step 1: '6A81' = card blocked or SELECT not supported: terminate the session.
            if (response.Sw == StatusWord.FunctionNotSupported) throw Blocked("SELECT PSE");
            // '6A82' (no PSE), '6283' (PSE blocked) or any other status: use the list of AIDs.
            if (response.Sw != StatusWord.Success) return false;
            TlvList fci = ParseOrNull(response.Data);
            TlvObject a5 = fci == null ? null : FindInFci(fci, TagFciProprietary);
            byte[] sfiValue = a5 == null ? null : a5.Children.FindValue(TagSfi);
            if (sfiValue == null || sfiValue.Length != 1 || sfiValue[0] < 1 || sfiValue[0] > 30) return false;
            int sfi = sfiValue[0];
            // Book 1, 12.3.2 step 2: READ RECORD from record 1 until '6A83' (record not found).
            for (int record = 1; record <= 255; record++)
            {
                ResponseApdu r = ExchangeTolerant(EmvCommands.ReadRecord(sfi, record), "READ RECORD (PSE directory)");
                if (r == null) return false;
                if (r.Sw == StatusWord.RecordNotFound) break;
                if (r.Sw != StatusWord.Success) return false;
                TlvList list = ParseOrNull(r.Data);
                TlvObject template = list == null || list.Count != 1 ? null : list.FindTopLevel(TagRecord);
                if (template == null) return false;
                AddDirectoryEntries(template.Children);
            }
            // Book 1, 12.3.2 step 5: no matching entry means the list of AIDs is used.
            return _candidates.Count > 0;
        }

        /// <summary>Book 1, 12.3.2 step 3: each '61' entry whose '4F' matches a terminal AID joins the list.</summary>
        private void AddDirectoryEntries(TlvList entries)
        {
            for (int i = 0; i < entries.Count; i++)
            {
                TlvObject entry = entries[i];
                // '9D' DDF entries are not followed: payment directories list ADFs directly.
                if (entry.Tag != TagApplicationTemplate) continue;
                TlvList items = entry.Children;
                byte[] adf = items.FindValue(TagAdfName);
                if (adf == null || adf.Length < 5 || adf.Length > 16) continue;
                TerminalAid aid = MatchingAid(adf);
                if (aid == null) continue;
                _candidates.Add(new CandidateApplication(adf, aid, items.FindValue(0x50), items.FindValue(0x9F12), PriorityOf(items.FindValue(0x87))));
            }
        }

        private TerminalAid MatchingAid(byte[] adf)
        {
            for (int i = 0; i < _aids.Length; i++)
            {
                if (_aids[i].Matches(adf)) return _aids[i];
            }
            return null;
        }

        /// <summary>Book 1, 12.3.3: SELECT each terminal AID, with next occurrence where partial matching is allowed.</summary>
        private void SelectEachTerminalAid()
        {
            for (int i = 0; i < _aids.Length; i++)
            {
                TerminalAid aid = _aids[i];
                bool next = false;
                for (int n = 0; n < MaxOccurrences; n++)
                {
                    ResponseApdu response = CardCommand.Exchange(_transport, EmvCommands.SelectByName(aid.Aid, next), "SELECT AID");
                    int sw = response.Sw;
                    _lastSelectedDfName = null;
                    _lastSelectedFci = null;
                    // Book 1, 12.3.3 step 2: '6A81' terminates the session.
                    if (sw == StatusWord.FunctionNotSupported) throw Blocked("SELECT AID");
                    // Anything but '9000' or '6283' (e.g. '6A82' not found): next terminal AID.
                    if (sw != StatusWord.Success && sw != StatusWord.SelectedFileInvalidated) break;
                    TlvList fci = ParseOrNull(response.Data);
                    byte[] dfName = fci == null ? null : DfNameOf(fci);
                    if (dfName == null || !aid.IsPrefixOf(dfName)) break;
                    if (sw == StatusWord.Success)
                    {
                        _lastSelectedDfName = dfName;
                        _lastSelectedFci = response.Data;
                    }
                    // Book 1, 12.3.3 steps 4-5: exact match, or partial match where the ASI allows it; '6283'
                    // (application blocked) is never added.
                    if (sw == StatusWord.Success && aid.Matches(dfName))
                    {
                        TlvObject a5 = FindInFci(fci, TagFciProprietary);
                        TlvList items = a5 == null ? TlvList.Empty : a5.Children;
                        _candidates.Add(new CandidateApplication(dfName, aid, items.FindValue(0x50), items.FindValue(0x9F12), PriorityOf(items.FindValue(0x87))));
                    }
                    // Book 1, 12.3.3 step 6: SELECT next occurrence only where partial matching is allowed.
                    if (!aid.PartialMatchAllowed) break;
                    next = true;
                }
            }
        }

        /// <summary>Book 1, 12.4: choose, SELECT, and on failure drop the candidate and choose again.</summary>
        private SelectedApplication FinalSelection()
        {
            while (true)
            {
                CandidateApplication chosen = Choose();
                SelectedApplication selected = SelectAdf(chosen);
                if (selected != null)
                {
                    Current = selected;
                    return selected;
                }
                // Book 1, 12.4: SELECT failed or FCI invalid: remove it, "Try Again", back to final selection.
                _candidates.Remove(chosen);
            }
        }

        private CandidateApplication Choose()
        {
            if (_confirmation == null)
            {
                // Book 1, 12.4: without cardholder confirmation, applications that require it are not selectable.
                _candidates.RemoveRequiringConfirmation();
            }
            if (_candidates.Count == 0) throw new KernelTerminatedException(KernelTerminationReason.NoMutualApplication, "candidate list is empty");
            if (_confirmation == null || (_candidates.Count == 1 && !_candidates[0].RequiresConfirmation))
            {
                // Book 1, 12.4: the terminal selects the highest priority application.
                return _candidates[0];
            }
            // Book 1, 12.4: offer the list (or confirm the single application) to the cardholder.
            int index = _confirmation.Choose(_candidates);
            if (index < 0 || index >= _candidates.Count)
            {
                throw new KernelTerminatedException(KernelTerminationReason.CardholderCancelled, "no application accepted");
            }
            return _candidates[index];
        }

        /// <summary>Final SELECT of the ADF; null when the status is not '9000' or the FCI is invalid (Book 1, 12.4).</summary>
        private SelectedApplication SelectAdf(CandidateApplication chosen)
        {
            byte[] fciBytes;
            if (_lastSelectedDfName != null && Bytes.Equal(_lastSelectedDfName, chosen.AdfName))
            {
                // The card's current application is already this ADF (the last SELECT of the list of AIDs
                // answered '9000' with its FCI): the FCI is used as it is, without a second identical SELECT.
                fciBytes = _lastSelectedFci;
            }
            else
            {
                ResponseApdu response = CardCommand.Exchange(_transport, EmvCommands.SelectByName(chosen.AdfName, false), "SELECT ADF");
                if (response.Sw != StatusWord.Success) return null;
                fciBytes = response.Data;
            }
            _lastSelectedDfName = null;
            _lastSelectedFci = null;
            TlvList fci = ParseOrNull(fciBytes);
            if (fci == null || FindInFci(fci, TagFciProprietary) == null) return null;
            byte[] dfName = DfNameOf(fci);
            if (dfName == null || !Bytes.Equal(dfName, chosen.AdfName)) return null;
            return new SelectedApplication(chosen, fciBytes, fci);
        }

        /// <summary>An exchange where a malformed response means "PSE error" (null), but a removed card still terminates.</summary>
        private ResponseApdu ExchangeTolerant(CommandApdu command, string step)
        {
            try
            {
                return CardCommand.Exchange(_transport, command, step);
            }
            catch (KernelTerminatedException e)
            {
                if (e.Reason == KernelTerminationReason.InvalidCardResponse) return null;
                throw;
            }
        }

        private static KernelTerminatedException Blocked(string step)
        {
            return new KernelTerminatedException(KernelTerminationReason.CardBlocked, string.Concat(step, " answered 6A81"), 0, StatusWord.FunctionNotSupported, null);
        }

        private static TlvList ParseOrNull(byte[] data)
        {
            if (data == null || data.Length == 0) return null;
            try
            {
                return TlvParser.Parse(data);
            }
            catch (TlvException)
            {
                return null;
            }
        }

        /// <summary>A data object inside the FCI template '6F'.</summary>
        private static TlvObject FindInFci(TlvList fci, int tag)
        {
            TlvObject template = fci.FindTopLevel(TagFci);
            return template == null ? null : template.Children.Find(tag);
        }

        private static byte[] DfNameOf(TlvList fci)
        {
            TlvObject template = fci.FindTopLevel(TagFci);
            if (template == null) return null;
            TlvObject name = template.Children.FindTopLevel(TagDfName);
            if (name == null || name.ValueLength < 5 || name.ValueLength > 16) return null;
            return name.CopyValue();
        }

        private static int PriorityOf(byte[] api)
        {
            return api == null || api.Length != 1 ? -1 : api[0];
        }
    }
}
