using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventHub.Core.Tests.Bookings;

public sealed class WaitlistTests
{
    [Fact]
    public async Task Cancelling_a_booking_offers_the_place_to_the_first_person_waiting_for_48_hours()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        await kit.BookAsync("Cat Example");

        (await kit.Bookings.CancelAsync(ann.ManageToken)).Value.ShouldBe(BookingStatus.Cancelled);

        var offered = await kit.BookingAsync(bob.BookingId);
        offered.Status.ShouldBe(BookingStatus.Offered);
        offered.OfferExpiresUtc.ShouldBe(kit.Clock.GetUtcNow().UtcDateTime.AddHours(48));
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        var message = (await kit.OutboxAsync(BookingTemplates.PlaceOffered)).ShouldHaveSingleItem();
        message.ToEmail.ShouldBe("bob.example@devon.gov.uk");
        (await kit.OutboxAsync(BookingTemplates.BookingCancelled)).ShouldHaveSingleItem().ToEmail.ShouldBe("ann.example@devon.gov.uk");
    }

    [Fact]
    public async Task Accepting_an_offer_confirms_the_place()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        await kit.Bookings.CancelAsync(ann.ManageToken);

        (await kit.Bookings.AcceptOfferAsync(bob.ManageToken)).Value.ShouldBe(BookingStatus.Confirmed);

        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Confirmed);
        (await kit.OutboxAsync(BookingTemplates.BookingConfirmed)).Last().ToEmail.ShouldBe("bob.example@devon.gov.uk");
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task Declining_an_offer_passes_it_to_the_next_person()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");
        await kit.Bookings.CancelAsync(ann.ManageToken);

        (await kit.Bookings.DeclineOfferAsync(bob.ManageToken)).Value.ShouldBe(BookingStatus.Cancelled);

        (await kit.BookingAsync(cat.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task An_offer_cannot_be_accepted_after_it_expired()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        await kit.Bookings.CancelAsync(ann.ManageToken);
        kit.Clock.Advance(TimeSpan.FromHours(48));

        var late = await kit.Bookings.AcceptOfferAsync(bob.ManageToken);
        late.ErrorCode.ShouldBe(BookingErrors.OfferEnded.Code);
        late.Errors.Single().Message.ShouldContain("book again from the event page");
        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Offered);
    }

    [Fact]
    public async Task Accepting_again_answers_as_before_and_a_turned_down_offer_says_it_has_ended()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");
        await kit.Bookings.CancelAsync(ann.ManageToken);

        (await kit.Bookings.AcceptOfferAsync(bob.ManageToken)).Value.ShouldBe(BookingStatus.Confirmed);
        (await kit.Bookings.AcceptOfferAsync(bob.ManageToken)).Value.ShouldBe(BookingStatus.Confirmed);
        (await kit.OutboxAsync(BookingTemplates.BookingConfirmed)).Count(m => m.ToEmail == "bob.example@devon.gov.uk").ShouldBe(1);

        await kit.Bookings.CancelAsync(bob.ManageToken);
        (await kit.Bookings.DeclineOfferAsync(cat.ManageToken)).Succeeded.ShouldBeTrue();
        (await kit.Bookings.AcceptOfferAsync(cat.ManageToken)).ErrorCode.ShouldBe(BookingErrors.OfferEnded.Code);
        (await kit.BookingAsync(cat.BookingId)).Status.ShouldBe(BookingStatus.Cancelled);
    }

    [Fact]
    public async Task An_offer_for_a_cancelled_event_cannot_be_accepted()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        await kit.Bookings.CancelAsync(ann.ManageToken);
        await using (var db = kit.Database.CreateDbContext())
        {
            await db.Events.ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventHub.Core.Events.EventStatus.Cancelled));
        }

        (await kit.Bookings.AcceptOfferAsync(bob.ManageToken)).ErrorCode.ShouldBe(BookingErrors.EventCancelled.Code);
        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Offered);
    }

    [Fact]
    public async Task An_expired_offer_passes_to_the_next_person_with_a_fresh_window()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");
        await kit.Bookings.CancelAsync(ann.ManageToken);

        kit.Clock.Advance(TimeSpan.FromHours(47));
        (await kit.Waitlist.ExpireOffersAsync()).ShouldBe(0);
        kit.Clock.Advance(TimeSpan.FromHours(1));
        (await kit.Waitlist.ExpireOffersAsync()).ShouldBe(1);

        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Cancelled);
        var next = await kit.BookingAsync(cat.BookingId);
        next.Status.ShouldBe(BookingStatus.Offered);
        next.OfferExpiresUtc.ShouldBe(kit.Clock.GetUtcNow().UtcDateTime.AddHours(48));
        (await kit.OutboxAsync(BookingTemplates.OfferExpired)).ShouldHaveSingleItem().ToEmail.ShouldBe("bob.example@devon.gov.uk");
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task The_background_service_catches_up_on_offers_that_expired_while_the_app_was_stopped()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 2);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");
        var dan = await kit.BookAsync("Dan Example");
        await kit.Bookings.CancelAsync(ann.ManageToken);
        await kit.Bookings.CancelAsync(bob.ManageToken);
        kit.Clock.Advance(TimeSpan.FromDays(5)); // the app was down for five days

        using var worker = new OfferExpiryWorker(kit.Waitlist, kit.Database.Leases(kit.Clock), kit.Clock, NullLogger<OfferExpiryWorker>.Instance);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        // Wait (up to 30 s on a loaded machine) until the worker has expired both offers, not just the first.
        for (var i = 0; i < 600 && ((await kit.BookingAsync(cat.BookingId)).Status == BookingStatus.Offered
                                    || (await kit.BookingAsync(dan.BookingId)).Status == BookingStatus.Offered
                                    || (await kit.OutboxAsync(BookingTemplates.OfferExpired)).Count < 2); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await worker.StopAsync(TestContext.Current.CancellationToken);
        (await kit.BookingAsync(cat.BookingId)).Status.ShouldBe(BookingStatus.Cancelled);
        (await kit.BookingAsync(dan.BookingId)).Status.ShouldBe(BookingStatus.Cancelled);
        (await kit.OutboxAsync(BookingTemplates.OfferExpired)).Count.ShouldBe(2);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(0);
    }

    [Fact]
    public async Task Confirm_straight_from_the_waiting_list_skips_the_offer()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await kit.SettingsAsync(s => s.ConfirmFromWaitlist = true);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");

        await kit.Bookings.CancelAsync(ann.ManageToken);

        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Confirmed);
        (await kit.OutboxAsync(BookingTemplates.BookingConfirmed)).Last().ToEmail.ShouldBe("bob.example@devon.gov.uk");
        (await kit.OutboxAsync(BookingTemplates.PlaceOffered)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_organiser_sets_how_long_an_offer_is_held()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await kit.SettingsAsync(s => s.OfferWindowHours = 12);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");

        await kit.Bookings.CancelAsync(ann.ManageToken);

        (await kit.BookingAsync(bob.BookingId)).OfferExpiresUtc.ShouldBe(kit.Clock.GetUtcNow().UtcDateTime.AddHours(12));
    }

    [Fact]
    public async Task Leaving_the_waiting_list_moves_everyone_behind_up()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");

        (await kit.Bookings.LeaveWaitlistAsync(bob.ManageToken)).Value.ShouldBe(BookingStatus.Cancelled);

        (await kit.Bookings.GetByTokenAsync(cat.ManageToken))!.WaitlistPosition.ShouldBe(1);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        (await kit.Bookings.LeaveWaitlistAsync(bob.ManageToken)).ErrorCode.ShouldBe(BookingErrors.WrongState.Code);
    }

    [Fact]
    public async Task Someone_waiting_for_a_full_ticket_type_keeps_their_position_while_a_freed_place_of_another_type_goes_to_the_next()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 2);
        var staff = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Staff", "", 1, false)).Value!;
        var partners = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Partners", "", null, false)).Value!;
        await kit.BookAsync("Ann Example", ticket: staff.Id);
        var bob = await kit.BookAsync("Bob Example", ticket: partners.Id);
        var cat = await kit.BookAsync("Cat Example", ticket: staff.Id);     // staff full
        var dan = await kit.BookAsync("Dan Example", ticket: partners.Id);  // event full

        await kit.Bookings.CancelAsync(bob.ManageToken);

        (await kit.BookingAsync(cat.BookingId)).Status.ShouldBe(BookingStatus.Waiting);
        (await kit.BookingAsync(dan.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await kit.Bookings.GetByTokenAsync(cat.ManageToken))!.WaitlistPosition.ShouldBe(1);
    }

    [Fact]
    public async Task A_capacity_increase_is_offered_to_the_people_waiting_by_the_background_sweep()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");
        await using (var db = kit.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == kit.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, 2));
        }

        await kit.Waitlist.ExpireOffersAsync();

        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await kit.BookingAsync(cat.BookingId)).Status.ShouldBe(BookingStatus.Waiting);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_a_confirmed_booking_frees_its_session_places_for_those_waiting()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var workshop = await kit.AddSessionAsync(capacity: 1);
        var annForm = BookingKit.Form("Ann Example");
        annForm.SessionIds = [workshop];
        var ann = (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, annForm))).Value!;
        var bob = await kit.BookAsync("Bob Example");
        (await kit.Bookings.ChooseSessionsAsync(bob.ManageToken, [workshop])).Value!.ShouldHaveSingleItem().Status.ShouldBe(SessionBookingStatus.Waiting);

        await kit.Bookings.CancelAsync(ann.ManageToken);

        (await kit.Bookings.GetByTokenAsync(bob.ManageToken))!.Booking.Sessions.ShouldHaveSingleItem().Status.ShouldBe(SessionBookingStatus.Confirmed);
        await using var db = kit.Database.CreateDbContext();
        (await db.Sessions.FirstAsync(s => s.Id == workshop)).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task Sessions_can_only_be_chosen_once_the_place_is_confirmed()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var workshop = await kit.AddSessionAsync(capacity: 5);
        await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");

        (await kit.Bookings.ChooseSessionsAsync(bob.ManageToken, [workshop])).ErrorCode.ShouldBe(BookingErrors.WrongState.Code);
    }
}
