using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Bookings;

public sealed class BookingServiceTests
{
    [Fact]
    public async Task Booking_a_free_place_confirms_it_takes_a_place_and_queues_the_confirmation()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);

        var result = await kit.BookAsync("Ann Example");

        result.Status.ShouldBe(BookingStatus.Confirmed);
        result.Reference.Length.ShouldBe(9);
        result.ManageToken.Length.ShouldBeGreaterThanOrEqualTo(27);
        result.CheckInCode.ShouldNotBeNull();
        result.CheckInCode.ShouldNotBe(result.BookingId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        var message = (await kit.OutboxAsync()).ShouldHaveSingleItem();
        message.Template.ShouldBe(BookingTemplates.BookingConfirmed);
        message.ToEmail.ShouldBe("ann.example@devon.gov.uk");
        message.EventId.ShouldBe(kit.EventId);
        var payload = System.Text.Json.JsonSerializer.Deserialize<BookingMessagePayload>(message.PayloadJson)!;
        payload.ManageToken.ShouldBe(result.ManageToken);
        payload.CheckInCode.ShouldBe(result.CheckInCode);
        payload.BookingReference.ShouldBe(result.Reference);
    }

    [Fact]
    public async Task The_same_email_in_another_case_with_spaces_cannot_book_twice()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.BookAsync("Ann Example", "ann@devon.gov.uk");

        var second = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Again", "  ANN@Devon.gov.uk ")));

        second.ErrorCode.ShouldBe(BookingErrors.AlreadyBooked.Code);
        (await kit.AllBookingsAsync()).Count.ShouldBe(1);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_person_may_book_two_different_events()
    {
        await using var kit = await BookingKit.CreateAsync();
        var other = await kit.AddEventAsync(5, "other");
        await kit.BookAsync("Ann Example", "ann@devon.gov.uk");
        (await kit.BookAsync("Ann Example", "ann@devon.gov.uk", eventId: other)).Status.ShouldBe(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task Asking_for_the_booking_link_again_queues_it_only_for_a_real_booking()
    {
        await using var kit = await BookingKit.CreateAsync();
        var booked = await kit.BookAsync("Ann Example", "ann@devon.gov.uk");

        await kit.Bookings.ResendLinkAsync(kit.EventId, " Ann@devon.gov.uk");
        await kit.Bookings.ResendLinkAsync(kit.EventId, "nobody@devon.gov.uk");

        var resent = (await kit.OutboxAsync(BookingTemplates.BookingLinkResent)).ShouldHaveSingleItem();
        var link = System.Text.Json.JsonSerializer.Deserialize<BookingMessagePayload>(resent.PayloadJson)!.ManageToken;
        (await kit.Bookings.GetByTokenAsync(link))!.Booking.Id.ShouldBe(booked.BookingId);
    }

    [Fact]
    public async Task A_full_event_puts_the_next_visitor_on_the_waiting_list_with_their_position()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await kit.BookAsync("Ann Example");

        var bob = await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");

        bob.Status.ShouldBe(BookingStatus.Waiting);
        bob.WaitlistPosition.ShouldBe(1);
        cat.WaitlistPosition.ShouldBe(2);
        bob.CheckInCode.ShouldBeNull();
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        (await kit.OutboxAsync(BookingTemplates.WaitlistJoined)).Count.ShouldBe(2);
        (await kit.Bookings.GetByTokenAsync(cat.ManageToken))!.WaitlistPosition.ShouldBe(2);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_field_errors_and_writes_nothing()
    {
        await using var kit = await BookingKit.CreateAsync();
        var outcome = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, new BookingForm { Email = "nope" }));

        outcome.Succeeded.ShouldBeFalse();
        outcome.ErrorFor("Email").ShouldNotBeNull();
        outcome.ErrorFor("Name").ShouldNotBeNull();
        (await kit.AllBookingsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Booking_before_it_opens_or_after_it_closes_is_refused()
    {
        await using var kit = await BookingKit.CreateAsync();
        await using (var db = kit.Database.CreateDbContext())
        {
            var opens = kit.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
            await db.Events.Where(e => e.Id == kit.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.BookingOpensUtc, opens));
        }

        var ev = await kit.EventAsync();
        (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Early")))).ErrorCode.ShouldBe(BookingErrors.NotOpenYet.Code);

        kit.Clock.SetUtcNow(ev.BookingClosesUtc!.Value);
        (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Late")))).ErrorCode.ShouldBe(BookingErrors.Closed.Code);
        (await kit.AllBookingsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Answers_and_the_needs_kept_apart_are_stored_with_the_booking()
    {
        await using var kit = await BookingKit.CreateAsync();
        var q = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "Which team?", "", QuestionKind.SingleChoice, true, "Digital\nFinance")).Value!;
        var form = BookingKit.Form("Ann Example");
        form.Answers[q.Id] = "Digital";
        form.DietaryNeeds = "Vegan";
        form.AccessNeeds = "Step-free";

        var result = (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, form))).Value!;

        var view = (await kit.Bookings.GetByTokenAsync(result.ManageToken))!;
        view.Booking.Answers.ShouldHaveSingleItem().Value.ShouldBe("Digital");
        view.Booking.DietaryNeeds.ShouldBe("Vegan");
        view.Booking.AccessNeeds.ShouldBe("Step-free");
        view.Booking.NeedsAttention.ShouldBeTrue();
    }

    [Fact]
    public async Task A_required_question_left_blank_refuses_the_booking()
    {
        await using var kit = await BookingKit.CreateAsync();
        var q = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "Team?", "", QuestionKind.ShortText, true, "")).Value!;
        var outcome = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Example")));
        outcome.ErrorFor(BookingRules.AnswerField(q.Id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_ticket_type_quota_waitlists_once_full_while_other_types_still_book()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var staff = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Council staff", "", 1, false)).Value!;
        var partners = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Partners", "", null, false)).Value!;

        (await kit.BookAsync("Ann Example", ticket: staff.Id)).Status.ShouldBe(BookingStatus.Confirmed);
        (await kit.BookAsync("Bob Example", ticket: staff.Id)).Status.ShouldBe(BookingStatus.Waiting);
        (await kit.BookAsync("Cat Example", ticket: partners.Id)).Status.ShouldBe(BookingStatus.Confirmed);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(2);
    }

    [Fact]
    public async Task A_hidden_ticket_type_books_only_with_its_secret_link()
    {
        await using var kit = await BookingKit.CreateAsync();
        var speakers = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Speakers", "", null, hidden: true)).Value!;
        speakers.SecretToken.ShouldNotBeNullOrEmpty();

        var without = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Example", ticket: speakers.Id)));
        without.ErrorCode.ShouldBe(BookingErrors.TicketTypeUnavailable.Code);

        var form = BookingKit.Form("Ann Example", ticket: speakers.Id);
        form.TicketSecret = speakers.SecretToken;
        (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, form))).Value!.Status.ShouldBe(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task Sessions_chosen_while_booking_take_a_session_place_or_join_its_waiting_list()
    {
        await using var kit = await BookingKit.CreateAsync();
        var workshop = await kit.AddSessionAsync(capacity: 1);
        var talk = await kit.AddSessionAsync(capacity: null, "Keynote");
        var ann = BookingKit.Form("Ann Example");
        ann.SessionIds = [workshop, talk];
        var bob = BookingKit.Form("Bob Example");
        bob.SessionIds = [workshop];

        var a = (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, ann))).Value!;
        var b = (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, bob))).Value!;

        (await kit.Bookings.GetByTokenAsync(a.ManageToken))!.Booking.Sessions.ShouldAllBe(s => s.Status == SessionBookingStatus.Confirmed);
        (await kit.Bookings.GetByTokenAsync(b.ManageToken))!.Booking.Sessions.ShouldHaveSingleItem().Status.ShouldBe(SessionBookingStatus.Waiting);

        // Ann drops the workshop from her manage page: Bob, first waiting for it, gets her place.
        (await kit.Bookings.ChooseSessionsAsync(a.ManageToken, [talk])).Succeeded.ShouldBeTrue();
        (await kit.Bookings.GetByTokenAsync(b.ManageToken))!.Booking.Sessions.ShouldHaveSingleItem().Status.ShouldBe(SessionBookingStatus.Confirmed);
        (await kit.OutboxAsync(BookingTemplates.SessionPlaceConfirmed)).ShouldHaveSingleItem().ToEmail.ShouldBe("bob.example@devon.gov.uk");
        await using var db = kit.Database.CreateDbContext();
        (await db.Sessions.FirstAsync(s => s.Id == workshop)).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task A_session_of_another_event_cannot_be_chosen()
    {
        await using var kit = await BookingKit.CreateAsync();
        var form = BookingKit.Form("Ann Example");
        form.SessionIds = [12345];
        (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, form))).ErrorFor(nameof(BookingForm.SessionIds)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_wrong_token_finds_nothing_and_changes_nothing()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.BookAsync("Ann Example");

        (await kit.Bookings.GetByTokenAsync("not-a-real-token")).ShouldBeNull();
        (await kit.Bookings.GetByTokenAsync("")).ShouldBeNull();
        (await kit.Bookings.CancelAsync("not-a-real-token")).ErrorCode.ShouldBe(BookingErrors.InvalidLink.Code);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task Changing_answers_from_the_manage_link_validates_and_saves_them()
    {
        await using var kit = await BookingKit.CreateAsync();
        var q = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "Coming to lunch?", "", QuestionKind.YesNo, false, "")).Value!;
        var ann = await kit.BookAsync("Ann Example");

        (await kit.Bookings.UpdateAnswersAsync(ann.ManageToken, new() { [q.Id] = "Perhaps" }, "", "")).ErrorFor(BookingRules.AnswerField(q.Id)).ShouldNotBeNull();
        (await kit.Bookings.UpdateAnswersAsync(ann.ManageToken, new() { [q.Id] = "Yes" }, "No nuts", "")).Succeeded.ShouldBeTrue();

        var view = (await kit.Bookings.GetByTokenAsync(ann.ManageToken))!;
        view.Booking.Answers.ShouldHaveSingleItem().Value.ShouldBe("Yes");
        view.Booking.DietaryNeeds.ShouldBe("No nuts");
    }

    [Fact]
    public async Task A_booking_without_a_ticket_type_is_refused_when_the_event_offers_several()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Council staff", "", null, false);
        await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Partners", "", null, false);

        var outcome = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Example")));

        outcome.Status.ShouldBe(EventHub.Core.Common.OutcomeStatus.Invalid);
        outcome.ErrorFor(nameof(BookingForm.TicketTypeId)).ShouldBe("Select a ticket type");
        (await kit.AllBookingsAsync()).ShouldBeEmpty();
        (await kit.EventAsync()).PlacesTaken.ShouldBe(0);
    }
}
