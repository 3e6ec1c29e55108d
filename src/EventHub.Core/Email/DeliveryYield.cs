using System.Diagnostics;

namespace EventHub.Core.Email;

/// <summary>
/// Background mail delivery steps aside while people are booking: during a rush, rendering and sending confirmations
/// (QR codes, calendar invites) took about a tenth of the server's CPU on the same cores as the bookings themselves
/// (docs/benchmarks.md, round 10). A booking says it happened (<see cref="Busy"/>); delivery then holds its next batch
/// until bookings have been quiet for <see cref="Quiet"/>, but never for longer than <see cref="LongestHold"/> since its
/// last batch, so nothing queued is lost or held more than a few seconds after the rush, and a site that is never quiet
/// still delivers a batch every few seconds. The rule is <see cref="HoldFor(TimeSpan?, TimeSpan)"/>, a pure function.
/// It shares out the machine's time, not the service's: it reads the monotonic clock, not the app's TimeProvider (a
/// test's frozen clock must not hold mail back for ever).
/// </summary>
public sealed class DeliveryYield
{
    /// <summary>How long without a booking counts as the rush being over.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    /// <summary>The longest delivery waits between two batches because of bookings.</summary>
    public static readonly TimeSpan LongestHold = TimeSpan.FromSeconds(3);

    private long _lastBusy;

    /// <summary>A booking is being made now.</summary>
    public void Busy() => Volatile.Write(ref _lastBusy, Stopwatch.GetTimestamp());

    /// <summary>A mark for <see cref="HoldFor(long)"/>: when a batch starts.</summary>
    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>How long delivery should wait before its next batch, the last having started at <paramref name="lastBatch"/> (<see cref="Now"/>).</summary>
    public TimeSpan HoldFor(long lastBatch)
    {
        var busy = Volatile.Read(ref _lastBusy);
        return HoldFor(busy == 0 ? null : Stopwatch.GetElapsedTime(busy), Stopwatch.GetElapsedTime(lastBatch));
    }

    /// <summary>
    /// The rule: no wait when there has been no booking, once bookings have been quiet for <see cref="Quiet"/>, or once
    /// the last batch started <see cref="LongestHold"/> ago; otherwise until whichever of the last two comes first.
    /// </summary>
    public static TimeSpan HoldFor(TimeSpan? sinceLastBooking, TimeSpan sinceLastBatch)
    {
        if (sinceLastBooking is not { } quietFor)
        {
            return TimeSpan.Zero;
        }

        var hold = TimeSpan.FromTicks(Math.Min((Quiet - quietFor).Ticks, (LongestHold - sinceLastBatch).Ticks));
        return hold > TimeSpan.Zero ? hold : TimeSpan.Zero;
    }
}
