using EventHub.Core.Email;

namespace EventHub.Core.Tests.Email;

/// <summary>The rule by which mail delivery steps aside while people book, and how long it may hold mail at most.</summary>
public sealed class DeliveryYieldTests
{
    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void With_no_booking_yet_mail_goes_at_once() =>
        DeliveryYield.HoldFor(sinceLastBooking: null, sinceLastBatch: Ms(10)).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void While_people_book_the_next_batch_waits_until_bookings_have_been_quiet_for_a_second()
    {
        DeliveryYield.HoldFor(sinceLastBooking: Ms(0), sinceLastBatch: Ms(0)).ShouldBe(DeliveryYield.Quiet);
        DeliveryYield.HoldFor(sinceLastBooking: Ms(300), sinceLastBatch: Ms(500)).ShouldBe(Ms(700));
    }

    [Fact]
    public void Once_bookings_have_been_quiet_for_a_second_mail_goes_at_once()
    {
        DeliveryYield.HoldFor(sinceLastBooking: DeliveryYield.Quiet, sinceLastBatch: Ms(100)).ShouldBe(TimeSpan.Zero);
        DeliveryYield.HoldFor(sinceLastBooking: TimeSpan.FromMinutes(5), sinceLastBatch: Ms(0)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void However_busy_the_site_a_batch_goes_at_least_every_few_seconds()
    {
        DeliveryYield.LongestHold.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(5));
        // A booking a moment ago, but the last batch started almost the longest hold ago: only what is left of it.
        DeliveryYield.HoldFor(sinceLastBooking: Ms(10), sinceLastBatch: DeliveryYield.LongestHold - Ms(200)).ShouldBe(Ms(200));
        DeliveryYield.HoldFor(sinceLastBooking: Ms(10), sinceLastBatch: DeliveryYield.LongestHold).ShouldBe(TimeSpan.Zero);
        DeliveryYield.HoldFor(sinceLastBooking: Ms(0), sinceLastBatch: TimeSpan.FromMinutes(1)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_booking_makes_the_yield_hold_the_next_batch_and_a_batch_long_enough_ago_is_never_held()
    {
        var yieldToBookings = new DeliveryYield();
        var batch = DeliveryYield.Now();
        yieldToBookings.HoldFor(batch).ShouldBe(TimeSpan.Zero, "nobody has booked");

        yieldToBookings.Busy();

        yieldToBookings.HoldFor(batch).ShouldBeGreaterThan(TimeSpan.Zero);
        yieldToBookings.HoldFor(batch).ShouldBeLessThanOrEqualTo(DeliveryYield.Quiet);
        var longAgo = DeliveryYield.Now() - (long)(System.Diagnostics.Stopwatch.Frequency * DeliveryYield.LongestHold.TotalSeconds * 2);
        yieldToBookings.HoldFor(longAgo).ShouldBe(TimeSpan.Zero);
    }
}
