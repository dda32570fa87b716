using Terminal.EmvKernel.Apdu;
using Terminal.EmvKernel.Dol;
using Terminal.EmvKernel.Kernel;
using Terminal.EmvKernel.Tlv;

namespace Terminal.EmvKernel.Contactless.EntryPoint
{
    /// <summary>
    /// Combination selection, EMV Contactless Book B 3.3: SELECT PPSE, the candidate list from the directory
    /// entries and the allowed combinations (3.3.2), then final selection (3.3.3): highest priority first, SELECT
    /// of the ADF (with Extended Selection), a failed SELECT removes the candidate and selects again. Removal of
    /// the card and link failures come out as <see cref="KernelTerminatedException"/> (CardRemoved,
    /// TransportFailure): Entry Point goes back to protocol activation (Book B 3.3.3.7, Start B).
    /// </summary>
    public sealed class CombinationSelection
    {
        private ContactlessCandidate[] _items = new ContactlessCandidate[4];
        private int _count;

        /// <summary>Number of candidates left.</summary>
        public int Count { get { return _count; } }

        /// <summary>Candidate <paramref name="index"/> in selection order.</summary>
        public ContactlessCandidate this[int index]
        {
            get
            {
                if (index < 0 || index >= _count) throw new System.ArgumentOutOfRangeException("index", "index outside the candidate list");
                return _items[index];
            }
        }

        /// <summary>Empties the candidate list.</summary>
        public void Clear()
        {
            for (int i = 0; i < _count; i++) _items[i] = null;
            _count = 0;
        }

        /// <summary>
        /// Book B 3.3.2: SELECT PPSE over <paramref name="transport"/> and build the candidate list from the
        /// directory entries and the combinations of <paramref name="indicators"/> not marked "not allowed".
        /// A status other than '9000' or an unreadable FCI gives an empty list. Returns the number of candidates.
        /// </summary>
        public int BuildCandidateList(ApduTransport transport, PreProcessingIndicators[] indicators)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            if (indicators == null) throw new System.ArgumentNullException("indicators");
            Clear();
            // 3.3.2.2: SELECT PPSE.
            ResponseApdu response = ExchangeOrNull(transport, EmvCommands.SelectByName(PpseDirectory.Name, false), "SELECT PPSE");
            // 3.3.2.3: any status but '9000' (e.g. '6A82'): no candidates.
            if (response == null || response.Sw != StatusWord.Success) return 0;
            DirectoryEntry[] entries;
            try
            {
                entries = PpseDirectory.Parse(response.Data);
            }
            catch (PpseFormatException)
            {
                return 0;
            }
            AddCandidates(entries, indicators);
            return _count;
        }

        /// <summary>Book B 3.3.2.5: each allowed combination against each directory entry.</summary>
        public void AddCandidates(DirectoryEntry[] entries, PreProcessingIndicators[] indicators)
        {
            for (int c = 0; c < indicators.Length; c++)
            {
                PreProcessingIndicators p = indicators[c];
                if (p.ContactlessApplicationNotAllowed) continue;
                for (int e = 0; e < entries.Length; e++)
                {
                    DirectoryEntry entry = entries[e];
                    // ADF Name present and 5 to 16 bytes.
                    if (!entry.HasValidAdfName) continue;
                    // ADF Name equal to the combination's AID or beginning with it.
                    if (!p.Combination.MatchesAdfName(entry.AdfNameRef)) continue;
                    // Requested Kernel ID: zero (any) or the combination's kernel.
                    int requested = entry.RequestedKernelId;
                    if (requested == KernelIdentifier.Invalid) continue;
                    if (requested != KernelIdentifier.Any && requested != p.Combination.KernelId) continue;
                    Add(new ContactlessCandidate(entry, p, c));
                }
            }
        }

        /// <summary>Makes <paramref name="candidate"/> the only candidate (the restart after an online response reselects it).</summary>
        public void UseOnly(ContactlessCandidate candidate)
        {
            if (candidate == null) throw new System.ArgumentNullException("candidate");
            Clear();
            Add(candidate);
        }

        /// <summary>
        /// Book B 3.3.3: the highest-priority candidate is selected with SELECT ADF (Extended Selection appended);
        /// a status other than '9000' removes it and the next one is tried. Returns null when the list is (or
        /// becomes) empty.
        /// </summary>
        public SelectedCombination FinalSelection(ApduTransport transport)
        {
            if (transport == null) throw new System.ArgumentNullException("transport");
            while (_count > 0)
            {
                // 3.3.3.2: the list is kept in priority order, ties in PPSE order.
                ContactlessCandidate chosen = _items[0];
                byte[] name = chosen.SelectName;
                if (name.Length > 16)
                {
                    // ADF name and Extended Selection together do not fit a SELECT: not selectable.
                    Remove(chosen);
                    continue;
                }
                // 3.3.3.3: SELECT the ADF.
                ResponseApdu response = ExchangeOrNull(transport, EmvCommands.SelectByName(name, false), "SELECT ADF");
                // 3.3.3.5: not '9000': remove the candidate and select again (Start C).
                if (response == null || response.Sw != StatusWord.Success)
                {
                    Remove(chosen);
                    continue;
                }
                return new SelectedCombination(chosen, chosen.KernelId, response.Data);
            }
            return null;
        }

        /// <summary>Removes the candidate (by reference); false when it is not in the list.</summary>
        public bool Remove(ContactlessCandidate candidate)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_items[i] != candidate) continue;
                for (int j = i; j < _count - 1; j++) _items[j] = _items[j + 1];
                _items[--_count] = null;
                return true;
            }
            return false;
        }

        /// <summary>
        /// Book B 3.3.3.6: true when the selected combination is the RID A000000003 with kernel 3 and the FCI has no
        /// PDOL, or a PDOL without the TTQ '9F66' (the card is a legacy kernel 1 card).
        /// </summary>
        public static bool IsLegacyKernel1Card(SelectedCombination selected)
        {
            if (selected == null || selected.KernelId != KernelIdentifier.Kernel3) return false;
            byte[] adf = selected.AdfName;
            if (KernelIdentifier.DefaultForAdfName(adf) != KernelIdentifier.Kernel3) return false;
            byte[] pdol = selected.Pdol;
            if (pdol == null) return true;
            try
            {
                return !DataObjectList.Parse(pdol).Contains(0x9F66);
            }
            catch (TlvException)
            {
                return true;
            }
        }

        private void Add(ContactlessCandidate candidate)
        {
            if (_count == _items.Length)
            {
                ContactlessCandidate[] bigger = new ContactlessCandidate[_items.Length * 2];
                System.Array.Copy(_items, bigger, _count);
                _items = bigger;
            }
            int at = _count;
            while (at > 0 && candidate.Precedes(_items[at - 1]))
            {
                _items[at] = _items[at - 1];
                at--;
            }
            _items[at] = candidate;
            _count++;
        }

        /// <summary>An exchange where a malformed R-APDU counts as a failed SELECT (null); removal and link failures propagate.</summary>
        private static ResponseApdu ExchangeOrNull(ApduTransport transport, CommandApdu command, string step)
        {
            try
            {
                return CardCommand.Exchange(transport, command, step);
            }
            catch (KernelTerminatedException e)
            {
                if (e.Reason == KernelTerminationReason.InvalidCardResponse) return null;
                throw;
            }
        }
    }
}
