using System;
using System.Collections.Generic;

namespace Terminal.HostSimulation
{
    /// <summary>What the simulated host does wrong with one message (for fault tests).</summary>
    public enum HostFault
    {
        /// <summary>Normal processing and answer.</summary>
        None = 0,
        /// <summary>The request is processed (ledger updated) but no answer is sent: the answer is lost after send.</summary>
        NoAnswer = 1,
        /// <summary>The request is processed and answered after <see cref="HostFaults.LateDelay"/> (applied by the transport).</summary>
        LateAnswer = 2,
        /// <summary>The request is processed; a correctly framed answer of random bytes is sent instead.</summary>
        Garbage = 3,
        /// <summary>The request is processed; the answer carries a wrong MAC.</summary>
        WrongMac = 4,
        /// <summary>The request is processed; part of the answer frame is sent, then the connection is closed.</summary>
        Disconnect = 5,
        /// <summary>
        /// The host restarts before processing: the request is lost, every connection is closed, queued faults are
        /// cleared; the ledger, balances and terminal keys (kept in memory as if persisted) survive.
        /// </summary>
        Restart = 6,
        /// <summary>The request never reaches the host: not processed, not answered.</summary>
        RequestLost = 7,
    }

    /// <summary>
    /// The fault plan: faults queued for the next messages (first in, first out), then, when the queue is empty,
    /// a random fault with a probability, drawn from a seeded generator so that runs repeat. Thread-safe.
    /// </summary>
    public sealed class HostFaults
    {
        private readonly object _sync = new object();
        private readonly Queue<HostFault> _next = new Queue<HostFault>();
        private Random _random;
        private double _probability;
        private HostFault[] _modes = new HostFault[0];

        /// <summary>Creates an empty plan: no faults, late delay 30 s.</summary>
        public HostFaults()
        {
            LateDelay = TimeSpan.FromSeconds(30);
            _random = new Random(1);
        }

        /// <summary>Delay the transport applies to a <see cref="HostFault.LateAnswer"/>.</summary>
        public TimeSpan LateDelay { get; set; }

        /// <summary>Applies <paramref name="fault"/> to the next message not yet covered by the queue.</summary>
        public void QueueNext(HostFault fault)
        {
            lock (_sync) _next.Enqueue(fault);
        }

        /// <summary>
        /// After the queue: each message suffers one of <paramref name="modes"/> (uniformly) with
        /// <paramref name="probability"/> (0..1), from a generator seeded with <paramref name="seed"/>.
        /// </summary>
        public void SetRandom(int seed, double probability, params HostFault[] modes)
        {
            if (probability < 0 || probability > 1) throw new ArgumentOutOfRangeException(nameof(probability));
            lock (_sync)
            {
                _random = new Random(seed);
                _probability = probability;
                _modes = modes == null ? new HostFault[0] : (HostFault[])modes.Clone();
            }
        }

        /// <summary>Removes queued and random faults.</summary>
        public void Clear()
        {
            lock (_sync)
            {
                _next.Clear();
                _probability = 0;
                _modes = new HostFault[0];
            }
        }

        /// <summary>Removes queued faults only (a restart loses them).</summary>
        internal void ClearQueue()
        {
            lock (_sync) _next.Clear();
        }

        /// <summary>Takes the fault for the next message (the host calls it once per request).</summary>
        public HostFault Draw()
        {
            lock (_sync)
            {
                if (_next.Count > 0) return _next.Dequeue();
                if (_modes.Length == 0 || _probability <= 0) return HostFault.None;
                if (_random.NextDouble() >= _probability) return HostFault.None;
                return _modes[_random.Next(_modes.Length)];
            }
        }

        /// <summary>Random bytes for a garbage answer (same generator).</summary>
        internal byte[] Garbage()
        {
            lock (_sync)
            {
                byte[] b = new byte[1 + _random.Next(64)];
                _random.NextBytes(b);
                return b;
            }
        }
    }

    /// <summary>
    /// What the transport does with one request: send <see cref="Payload"/> (framed with the 2-byte length) after
    /// <see cref="Delay"/>, or only its first <see cref="SendBytes"/> frame bytes, then close when
    /// <see cref="CloseAfter"/>. A null payload means no answer.
    /// </summary>
    public sealed class HostReply
    {
        internal HostReply(byte[] payload, HostFault fault)
        {
            Payload = payload;
            Fault = fault;
            SendBytes = -1;
        }

        /// <summary>The answer (TPDU/header and message, without the length prefix), or null for no answer.</summary>
        public byte[] Payload { get; }
        /// <summary>The fault applied.</summary>
        public HostFault Fault { get; }
        /// <summary>Delay before sending (late answer); zero otherwise.</summary>
        public TimeSpan Delay { get; internal set; }
        /// <summary>Number of frame bytes to send before closing (disconnect mid-message); -1: the whole frame.</summary>
        public int SendBytes { get; internal set; }
        /// <summary>True: close the connection after sending (disconnect, restart).</summary>
        public bool CloseAfter { get; internal set; }
    }
}
