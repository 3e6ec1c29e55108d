using EventHub.Core.Bookings;
using EventHub.Core.Events;

namespace EventHub.Core.Tests.Bookings;

/// <summary>The priority booking window as pure rules: no database, just the times, the token's worth and now.</summary>
public sealed class PriorityWindowTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime GeneralOpens = Now.AddDays(7);
    private static readonly DateTime PriorityOpens = Now.AddDays(2);

    private static AllocationSnapshot Snapshot(DateTime? priorityOpens = null) => new()
    {
        EventStatus = EventStatus.Published,
        EventStartUtc = Now.AddDays(30),
        BookingOpensUtc = GeneralOpens,
        BookingClosesUtc = Now.AddDays(20),
        Capacity = 50,
        PlacesTaken = 0,
        Settings = new BookingSettings { PriorityOpensUtc = priorityOpens },
    };

    private static Allocation Decide(PriorityClaim claim, DateTime now, DateTime? priorityOpens = null) =>
        Allocator.Decide(Snapshot(priorityOpens), new AllocationRequest("ann@devon.gov.uk", Priority: claim), now);

    [Fact]
    public void Before_priority_booking_opens_even_a_valid_link_is_refused_as_priority_not_open_yet() =>
        Decide(PriorityClaim.Valid, PriorityOpens.AddMinutes(-1), PriorityOpens).ShouldBe(Allocation.Refused(BookingErrors.PriorityNotOpenYet));

    [Fact]
    public void Before_priority_booking_opens_a_visitor_without_a_link_is_told_booking_is_not_open() =>
        Decide(PriorityClaim.None, PriorityOpens.AddMinutes(-1), PriorityOpens).ShouldBe(Allocation.Refused(BookingErrors.NotOpenYet));

    [Fact]
    public void In_the_priority_window_a_valid_link_books_a_place() =>
        Decide(PriorityClaim.Valid, PriorityOpens, PriorityOpens).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void In_the_priority_window_a_visitor_without_a_link_is_refused_as_not_open_yet() =>
        Decide(PriorityClaim.None, PriorityOpens.AddHours(1), PriorityOpens).ShouldBe(Allocation.Refused(BookingErrors.NotOpenYet));

    [Fact]
    public void In_the_priority_window_a_link_that_is_not_valid_is_refused_as_such() =>
        Decide(PriorityClaim.NotValid, PriorityOpens.AddHours(1), PriorityOpens).ShouldBe(Allocation.Refused(BookingErrors.PriorityLinkNotValid));

    [Fact]
    public void Without_a_priority_opening_time_a_valid_link_books_as_soon_as_the_event_is_published() =>
        Decide(PriorityClaim.Valid, Now, priorityOpens: null).ShouldBe(Allocation.Confirmed);

    [Theory]
    [InlineData(PriorityClaim.None)]
    [InlineData(PriorityClaim.NotValid)]
    [InlineData(PriorityClaim.Valid)]
    public void Once_booking_opens_to_everyone_the_link_no_longer_matters(PriorityClaim claim) =>
        Decide(claim, GeneralOpens, PriorityOpens).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void A_valid_link_does_not_get_round_the_closing_time() =>
        Allocator.Decide(Snapshot() with { BookingClosesUtc = Now.AddDays(1) }, new AllocationRequest("ann@devon.gov.uk", Priority: PriorityClaim.Valid), Now.AddDays(1))
            .ShouldBe(Allocation.Refused(BookingErrors.Closed));

    [Fact]
    public void The_refusal_without_a_link_says_when_booking_opens_to_everyone_in_the_events_zone()
    {
        var opening = BookingOpening.Decide(GeneralOpens, PriorityOpens, PriorityClaim.None, Now);

        BookingOpening.Message(opening, GeneralOpens, PriorityOpens, "Europe/London").ShouldBe("Booking opens Monday 9 November 2026, 9am GMT.");
        BookingOpening.Message(opening, GeneralOpens, PriorityOpens, "America/New_York").ShouldBe("Booking opens Monday 9 November 2026, 4am UTC-05:00.");
    }

    [Fact]
    public void The_refusal_of_a_bad_link_says_what_to_check_and_when_booking_opens_to_everyone()
    {
        var message = BookingOpening.Message(Opening.PriorityLinkNotValid, GeneralOpens, null, "Europe/London");

        message.ShouldContain("not valid for this event");
        message.ShouldContain("check you used the whole link");
        message.ShouldEndWith("Booking opens to everyone Monday 9 November 2026, 9am GMT.");
    }

    [Fact]
    public void A_link_used_too_early_is_told_when_priority_booking_opens() =>
        BookingOpening.Message(Opening.PriorityNotOpenYet, GeneralOpens, PriorityOpens, "Europe/London")
            .ShouldStartWith("Priority booking opens Wednesday 4 November 2026, 9am GMT. Come back then with the same link.");

    [Fact]
    public void Priority_booking_must_open_before_booking_opens_to_everyone()
    {
        var errors = BookingRules.ValidatePriorityOpens(new DateTime(2026, 11, 9, 9, 0, 0), "Europe/London", GeneralOpens, out var utc);

        utc.ShouldBeNull();
        errors.ShouldHaveSingleItem().Message.ShouldBe("Priority booking must open before booking opens to everyone (Monday 9 November 2026, 9am GMT). Enter an earlier time");
        errors[0].Field.ShouldBe(nameof(BookingSettings.PriorityOpensLocal));
    }

    [Fact]
    public void Priority_booking_needs_a_general_opening_time_to_come_before()
    {
        var errors = BookingRules.ValidatePriorityOpens(new DateTime(2026, 11, 4, 9, 0, 0), "Europe/London", generalOpensUtc: null, out _);

        errors.ShouldHaveSingleItem().Message.ShouldStartWith("Priority booking must open before booking opens to everyone. Set when booking opens");
    }

    [Fact]
    public void A_priority_time_in_the_spring_clock_change_gap_is_refused() =>
        BookingRules.ValidatePriorityOpens(new DateTime(2027, 3, 28, 1, 30, 0), "Europe/London", new DateTime(2027, 4, 1, 9, 0, 0, DateTimeKind.Utc), out _)
            .ShouldHaveSingleItem().Message.ShouldContain("does not exist");

    [Fact]
    public void A_priority_time_is_read_in_the_events_zone_and_stored_in_utc()
    {
        BookingRules.ValidatePriorityOpens(new DateTime(2026, 11, 4, 9, 0, 0), "America/New_York", GeneralOpens, out var utc).ShouldBeEmpty();

        utc.ShouldBe(new DateTime(2026, 11, 4, 14, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_blank_priority_time_is_allowed() =>
        BookingRules.ValidatePriorityOpens(null, "Europe/London", null, out _).ShouldBeEmpty();
}
