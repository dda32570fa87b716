namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// The list of applications supported by card and terminal (EMV 4.4 Book 1, 12.3), kept in the order of
    /// the Application Priority Indicator (Book 1, 12.4): priority 1 first, entries without priority last,
    /// equal priorities in the order they were found.
    /// </summary>
    public sealed class CandidateList
    {
        private CandidateApplication[] _items = new CandidateApplication[4];
        private int _count;

        /// <summary>Number of candidates.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Candidate <paramref name="index"/> in priority order.</summary>
        public CandidateApplication this[int index]
        {
            get
            {
                if (index < 0 || index >= _count) throw new System.ArgumentOutOfRangeException("index", "index outside the candidate list");
                return _items[index];
            }
        }

        /// <summary>Inserts the candidate after every candidate of equal or higher priority (stable order).</summary>
        public void Add(CandidateApplication candidate)
        {
            if (candidate == null) throw new System.ArgumentNullException("candidate");
            if (_count == _items.Length)
            {
                CandidateApplication[] bigger = new CandidateApplication[_items.Length * 2];
                System.Array.Copy(_items, bigger, _count);
                _items = bigger;
            }
            int at = _count;
            while (at > 0 && _items[at - 1].Rank > candidate.Rank)
            {
                _items[at] = _items[at - 1];
                at--;
            }
            _items[at] = candidate;
            _count++;
        }

        /// <summary>Removes the candidate (compared by reference); false when it is not in the list.</summary>
        public bool Remove(CandidateApplication candidate)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_items[i] != candidate) continue;
                RemoveAt(i);
                return true;
            }
            return false;
        }

        /// <summary>Removes the candidate at <paramref name="index"/>.</summary>
        public void RemoveAt(int index)
        {
            if (index < 0 || index >= _count) throw new System.ArgumentOutOfRangeException("index", "index outside the candidate list");
            int tail = _count - index - 1;
            if (tail > 0) System.Array.Copy(_items, index + 1, _items, index, tail);
            _count--;
            _items[_count] = null;
        }

        /// <summary>Removes every candidate that needs cardholder confirmation (Book 1, 12.4).</summary>
        public void RemoveRequiringConfirmation()
        {
            for (int i = _count - 1; i >= 0; i--)
            {
                if (_items[i].RequiresConfirmation) RemoveAt(i);
            }
        }

        /// <summary>Removes every candidate.</summary>
        public void Clear()
        {
            System.Array.Clear(_items, 0, _count);
            _count = 0;
        }
    }
}
