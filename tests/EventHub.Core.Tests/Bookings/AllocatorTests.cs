using EventHub.Core.Bookings;
using EventHub.Core.Events;

namespace EventHub.Core.Tests.Bookings;

public sealed class AllocatorTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private static AllocationSnapshot Snapshot(int capacity = 50, int taken = 0) => new()
    {
        EventStatus = EventStatus.Published,
        EventStartUtc = Now.AddDays(30),
        BookingOpensUtc = Now.AddDays(-1),
        BookingClosesUtc = Now.AddDays(20),
        Capacity = capacity,
        PlacesTaken = taken,
    };

    private static AllocationRequest Ann(int? ticket = null, string? secret = null, bool byOrganiser = false) =>
        new("ann@devon.gov.uk", ticket, secret, byOrganiser);

    private static Allocation Decide(AllocationSnapshot s, AllocationRequest? r = null, DateTime? now = null) =>
        Allocator.Decide(s, r ?? Ann(), now ?? Now);

    [Fact]
    public void A_free_place_is_confirmed() => Decide(Snapshot()).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void The_last_place_is_confirmed() => Decide(Snapshot(50, 49)).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void A_full_event_puts_the_visitor_on_the_waiting_list() => Decide(Snapshot(50, 50)).ShouldBe(Allocation.Waitlisted);

    [Fact]
    public void An_event_with_no_capacity_waitlists_everyone() => Decide(Snapshot(0, 0)).ShouldBe(Allocation.Waitlisted);

    [Theory]
    [InlineData(EventStatus.Draft, "event_not_available")]
    [InlineData(EventStatus.Cancelled, "booking_closed")]
    [InlineData(EventStatus.Completed, "booking_closed")]
    public void Only_a_published_event_takes_bookings(EventStatus status, string code) =>
        Decide(Snapshot() with { EventStatus = status }).RefusalCode.ShouldBe(code);

    [Fact]
    public void Booking_before_the_opening_time_is_refused_as_not_open_yet() =>
        Decide(Snapshot() with { BookingOpensUtc = Now.AddMinutes(1) }).ShouldBe(Allocation.Refused(BookingErrors.NotOpenYet));

    [Fact]
    public void Booking_at_the_exact_opening_time_is_allowed() =>
        Decide(Snapshot() with { BookingOpensUtc = Now }).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void Booking_at_the_closing_time_is_refused_as_closed() =>
        Decide(Snapshot() with { BookingClosesUtc = Now }).ShouldBe(Allocation.Refused(BookingErrors.Closed));

    [Fact]
    public void Booking_after_the_event_started_is_refused_even_without_a_closing_time() =>
        Decide(Snapshot() with { BookingClosesUtc = null, EventStartUtc = Now.AddMinutes(-1) }).ShouldBe(Allocation.Refused(BookingErrors.Closed));

    [Fact]
    public void Without_opening_or_closing_times_a_published_event_is_open() =>
        Decide(Snapshot() with { BookingOpensUtc = null, BookingClosesUtc = null }).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void An_organiser_adding_by_hand_ignores_opening_times_but_not_capacity()
    {
        var closed = Snapshot(10, 10) with { BookingClosesUtc = Now.AddDays(-1), EventStatus = EventStatus.Draft };
        Decide(closed, Ann(byOrganiser: true)).ShouldBe(Allocation.Waitlisted);
        Decide(closed with { PlacesTaken = 3 }, Ann(byOrganiser: true)).ShouldBe(Allocation.Confirmed);
    }

    [Fact]
    public void An_organiser_cannot_add_people_to_a_cancelled_event() =>
        Decide(Snapshot() with { EventStatus = EventStatus.Cancelled }, Ann(byOrganiser: true)).ShouldBe(Allocation.Refused(BookingErrors.Closed));

    [Fact]
    public void A_second_booking_from_the_same_person_is_refused() =>
        Decide(Snapshot() with { AlreadyBooked = true }).ShouldBe(Allocation.Refused(BookingErrors.AlreadyBooked));

    [Fact]
    public void A_second_booking_is_refused_even_when_the_event_is_full() =>
        Decide(Snapshot(5, 5) with { AlreadyBooked = true }).ShouldBe(Allocation.Refused(BookingErrors.AlreadyBooked));

    [Fact]
    public void A_ticket_type_must_be_chosen_when_the_event_has_them() =>
        Decide(Snapshot() with { HasTicketTypes = true }).ShouldBe(Allocation.Refused(BookingErrors.TicketTypeUnavailable));

    [Fact]
    public void A_ticket_type_of_another_event_is_refused() =>
        Decide(Snapshot() with { HasTicketTypes = true, Ticket = null }, Ann(ticket: 99)).ShouldBe(Allocation.Refused(BookingErrors.TicketTypeUnavailable));

    [Fact]
    public void A_ticket_type_with_room_is_confirmed() =>
        Decide(Snapshot() with { HasTicketTypes = true, Ticket = new(1, 10, 9, false, null) }, Ann(ticket: 1)).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void A_full_ticket_type_waitlists_even_when_the_event_has_room() =>
        Decide(Snapshot(50, 10) with { HasTicketTypes = true, Ticket = new(1, 10, 10, false, null) }, Ann(ticket: 1)).ShouldBe(Allocation.Waitlisted);

    [Fact]
    public void A_ticket_type_without_a_quota_is_limited_by_the_event() =>
        Decide(Snapshot(50, 50) with { HasTicketTypes = true, Ticket = new(1, null, 50, false, null) }, Ann(ticket: 1)).ShouldBe(Allocation.Waitlisted);

    [Fact]
    public void A_hidden_ticket_type_needs_its_secret()
    {
        var s = Snapshot() with { HasTicketTypes = true, Ticket = new(1, null, 0, true, "s3cret-token") };
        Decide(s, Ann(ticket: 1)).ShouldBe(Allocation.Refused(BookingErrors.TicketTypeUnavailable));
        Decide(s, Ann(ticket: 1, secret: "wrong")).ShouldBe(Allocation.Refused(BookingErrors.TicketTypeUnavailable));
        Decide(s, Ann(ticket: 1, secret: "s3cret-token")).ShouldBe(Allocation.Confirmed);
    }

    [Fact]
    public void An_organiser_may_use_a_hidden_ticket_type_without_its_secret() =>
        Decide(Snapshot() with { HasTicketTypes = true, Ticket = new(1, null, 0, true, "x") }, Ann(ticket: 1, byOrganiser: true)).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void When_every_booking_needs_approval_the_visitor_gets_a_request() =>
        Decide(Snapshot() with { Settings = new() { Eligibility = EligibilityMode.ApprovalRequired } }).ShouldBe(Allocation.PendingApproval);

    [Fact]
    public void A_request_awaiting_approval_is_made_even_when_the_event_is_full() =>
        Decide(Snapshot(5, 5) with { Settings = new() { Eligibility = EligibilityMode.ApprovalRequired } }).ShouldBe(Allocation.PendingApproval);

    [Fact]
    public void An_email_from_an_allowed_domain_is_confirmed() =>
        Decide(Snapshot() with { Settings = Domains("devon.gov.uk") }).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void An_email_from_outside_the_allowed_domains_is_refused_when_the_organiser_chose_so() =>
        Decide(Snapshot() with { Settings = Domains("cornwall.gov.uk") }).ShouldBe(Allocation.Refused(BookingErrors.NotEligible));

    [Fact]
    public void An_email_from_outside_the_allowed_domains_becomes_a_request_when_the_organiser_chose_so() =>
        Decide(Snapshot() with { Settings = Domains("cornwall.gov.uk", OutsideDomainAction.RequestApproval) }).ShouldBe(Allocation.PendingApproval);

    [Fact]
    public void A_wildcard_domain_allows_its_subdomains() =>
        Decide(Snapshot() with { Settings = Domains("*.gov.uk") }).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void An_allowed_visitor_on_a_full_event_goes_on_the_waiting_list() =>
        Decide(Snapshot(1, 1) with { Settings = Domains("*.gov.uk") }).ShouldBe(Allocation.Waitlisted);

    [Fact]
    public void An_organiser_adding_by_hand_skips_the_domain_check() =>
        Decide(Snapshot() with { Settings = Domains("cornwall.gov.uk") }, Ann(byOrganiser: true)).ShouldBe(Allocation.Confirmed);

    [Fact]
    public void The_allocator_depends_only_on_its_inputs()
    {
        var s = Snapshot(3, 2);
        Enumerable.Range(0, 100).Select(_ => Decide(s)).Distinct().ShouldHaveSingleItem().ShouldBe(Allocation.Confirmed);
    }

    private static BookingSettings Domains(string domains, OutsideDomainAction outside = OutsideDomainAction.Refuse) =>
        new() { Eligibility = EligibilityMode.AllowedDomains, AllowedDomains = domains, OutsideDomain = outside };
}
