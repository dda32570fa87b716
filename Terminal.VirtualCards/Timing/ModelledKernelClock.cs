using Terminal.EmvKernel.Contactless.GenerateAcKernel;

namespace Terminal.VirtualCards.Timing
{
    /// <summary>
    /// A kernel clock that runs on modelled time: a start value plus the time the <see cref="TimedCardChannel"/> has
    /// modelled so far. The M/Chip-style kernel's relay resistance check then measures EXCHANGE RELAY RESISTANCE DATA
    /// with the ISO 14443 model (frames, FDT, the card's processing time), deterministically; the kernel's own CPU
    /// time counts as zero.
    /// </summary>
    public sealed class ModelledKernelClock : IKernelClock
    {
        private readonly TimedCardChannel _channel;
        private readonly long _start;

        /// <summary>A clock reading <paramref name="startMicroseconds"/> plus the channel's modelled exchange time.</summary>
        public ModelledKernelClock(TimedCardChannel channel, long startMicroseconds)
        {
            if (channel == null) throw new System.ArgumentNullException("channel");
            _channel = channel;
            _start = startMicroseconds;
        }

        /// <summary>Microseconds: the start value plus every exchange modelled so far.</summary>
        public long Microseconds { get { return _start + _channel.ExchangeMicroseconds; } }
    }
}
