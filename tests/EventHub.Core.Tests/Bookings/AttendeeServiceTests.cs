using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

/// <summary>The organiser's actions on the people booked: approve, decline, cancel, the waiting list, add by hand, the list.</summary>
public sealed class AttendeeServiceTests
{
    [Fact]
    public async Task When_every_booking_needs_approval_a_request_holds_no_place_until_approved()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 5);
        await kit.SettingsAsync(s => s.Eligibility = EligibilityMode.ApprovalRequired);

        var ann = await kit.BookAsync("Ann Example");

        ann.Status.ShouldBe(BookingStatus.AwaitingApproval);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(0);
        (await kit.OutboxAsync(BookingTemplates.RequestReceived)).ShouldHaveSingleItem();

        (await kit.Attendees.ApproveAsync(Actors.Organiser, ann.BookingId)).Value.ShouldBe(BookingStatus.Confirmed);

        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        (await kit.OutboxAsync(BookingTemplates.RequestApproved)).ShouldHaveSingleItem().ToEmail.ShouldBe("ann.example@devon.gov.uk");
        var audit = (await kit.AuditLog.ListAsync(Actors.Admin, kit.EventId)).First(a => a.BookingId == ann.BookingId);
        audit.Action.ShouldBe("approved");
        audit.ActorName.ShouldBe("Olive Organiser");
        audit.AtUtc.ShouldBe(kit.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Approving_a_request_when_the_event_is_full_puts_it_on_the_waiting_list()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await kit.AddEventAsync(1, "spare");
        await kit.BookAsync("Ann Example");
        await kit.SettingsAsync(s => s.Eligibility = EligibilityMode.ApprovalRequired);
        var bob = await kit.BookAsync("Bob Example");

        (await kit.Attendees.ApproveAsync(Actors.Organiser, bob.BookingId)).Value.ShouldBe(BookingStatus.Waiting);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task Declining_a_request_tells_the_person_why()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.SettingsAsync(s => s.Eligibility = EligibilityMode.ApprovalRequired);
        var ann = await kit.BookAsync("Ann Example");

        (await kit.Attendees.DeclineAsync(Actors.Organiser, ann.BookingId, "This forum is for council staff")).Value.ShouldBe(BookingStatus.Declined);

        var message = (await kit.OutboxAsync(BookingTemplates.RequestDeclined)).ShouldHaveSingleItem();
        message.PayloadJson.ShouldContain("This forum is for council staff");
        (await kit.Attendees.ApproveAsync(Actors.Organiser, ann.BookingId)).ErrorCode.ShouldBe(BookingErrors.WrongState.Code);
    }

    [Fact]
    public async Task An_organiser_cancelling_a_booking_offers_the_place_on_and_is_audited()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");

        (await kit.Attendees.CancelAsync(Actors.Organiser, ann.BookingId, "Duplicate of another booking")).Value.ShouldBe(BookingStatus.Cancelled);

        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await kit.AuditLog.ListAsync(Actors.Admin, kit.EventId)).ShouldContain(a => a.Action == "cancelled" && a.Detail.Contains("Duplicate"));
    }

    [Fact]
    public async Task An_organiser_can_move_someone_up_the_waiting_list()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");

        (await kit.Attendees.MoveUpAsync(Actors.Organiser, cat.BookingId)).Succeeded.ShouldBeTrue();

        (await kit.Bookings.GetByTokenAsync(cat.ManageToken))!.WaitlistPosition.ShouldBe(1);
        (await kit.Bookings.GetByTokenAsync(bob.ManageToken))!.WaitlistPosition.ShouldBe(2);
        await kit.Bookings.CancelAsync(ann.ManageToken);
        (await kit.BookingAsync(cat.BookingId)).Status.ShouldBe(BookingStatus.Offered);
    }

    [Fact]
    public async Task Offering_a_place_by_hand_needs_a_free_place()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");

        (await kit.Attendees.OfferPlaceAsync(Actors.Organiser, bob.BookingId)).ErrorCode.ShouldBe(BookingErrors.NoPlaceFree.Code);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        (await kit.AuditLog.ListAsync(Actors.Admin, kit.EventId)).ShouldNotContain(a => a.Action == "offered");
    }

    [Fact]
    public async Task Offering_a_place_by_hand_skips_the_queue_when_a_place_is_free()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 0);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        await using (var db = kit.Database.CreateDbContext())
        {
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                db.Events.Where(e => e.Id == kit.EventId), s => s.SetProperty(e => e.Capacity, 1));
        }

        (await kit.Attendees.OfferPlaceAsync(Actors.Organiser, bob.BookingId)).Value.ShouldBe(BookingStatus.Offered);
        (await kit.BookingAsync(ann.BookingId)).Status.ShouldBe(BookingStatus.Waiting);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task An_organiser_can_add_someone_by_hand_after_booking_closed()
    {
        await using var kit = await BookingKit.CreateAsync();
        kit.Clock.Advance(TimeSpan.FromDays(29));
        var form = BookingKit.Form("Sam Speaker");
        form.PrivacyConsent = false;

        var added = await kit.Attendees.AddByHandAsync(Actors.Organiser, kit.EventId, form);

        added.Value!.Status.ShouldBe(BookingStatus.Confirmed);
        (await kit.AuditLog.ListAsync(Actors.Admin, kit.EventId)).ShouldContain(a => a.Action == "added" && a.BookingId == added.Value.BookingId);
    }

    [Fact]
    public async Task Someone_who_is_not_an_organiser_cannot_change_bookings_or_read_the_audit_log()
    {
        await using var kit = await BookingKit.CreateAsync();
        var ann = await kit.BookAsync("Ann Example");

        (await kit.Attendees.CancelAsync(Actor.Anonymous, ann.BookingId, null)).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        (await kit.Attendees.AddByHandAsync(Actor.Anonymous, kit.EventId, BookingKit.Form("X Y"))).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        (await kit.AuditLog.ListAsync(Actors.Organiser, kit.EventId)).ShouldBeEmpty();
        await Should.ThrowAsync<NotAuthorisedException>(() => kit.Attendees.ListAsync(Actor.Anonymous, new AttendeeQuery(kit.EventId)));
        (await kit.BookingAsync(ann.BookingId)).Status.ShouldBe(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task The_attendee_list_searches_filters_pages_and_counts()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 3);
        foreach (var name in new[] { "Ann Able", "Bob Baker", "Cat Cole", "Dan Dale", "Eve Evans" })
        {
            await kit.BookAsync(name);
        }

        var org = Actors.Organiser;
        (await kit.Attendees.ListAsync(org, new AttendeeQuery(kit.EventId, Search: "baker"))).Items.ShouldHaveSingleItem().Name.ShouldBe("Bob Baker");
        (await kit.Attendees.ListAsync(org, new AttendeeQuery(kit.EventId, Search: "DEVON COUNTY"))).TotalCount.ShouldBe(5);
        var waiting = await kit.Attendees.ListAsync(org, new AttendeeQuery(kit.EventId, Status: BookingStatus.Waiting));
        waiting.Items.Select(r => r.Name).ShouldBe(["Dan Dale", "Eve Evans"]);
        var page = await kit.Attendees.ListAsync(org, new AttendeeQuery(kit.EventId, Page: 1, PageSize: 2));
        page.TotalCount.ShouldBe(5);
        page.Items.Select(r => r.Name).ShouldBe(["Cat Cole", "Dan Dale"]);
        var counts = await kit.Attendees.CountsAsync(org, kit.EventId);
        counts.ShouldBe(new AttendeeCounts(3, 3, 3, 0, 2, 0, 0));
    }
}
