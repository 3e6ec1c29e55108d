using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Events;
using EventHub.Web.Features.Bookings;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Bookings;

/// <summary>
/// The manage page as plain forms on the real booking services and a real SQLite file: a GET only shows, each POST
/// acts once through BookingService and redirects back saying what happened; a refusal keeps what was typed.
/// </summary>
public sealed class ManagePageTests : WebTestContext
{
    private readonly PlainForm _request = new();
    private BookingWriteGate _gate = default!;
    private BookingService _bookings = default!;
    private int _eventId;

    protected override async Task OnInitializedAsync()
    {
        PlainForm.AddServices(this);
        _gate = new BookingWriteGate();
        _bookings = new BookingService(Core.Database, Core.Clock, _gate);
        Services.AddSingleton(_bookings);
        await using var db = Core.Database.CreateDbContext();
        var now = Core.Clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Digital Forum", Slug = "digital-forum", Status = EventStatus.Published, Capacity = 1, TimeZoneId = "Europe/London",
            StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(6), CreatedUtc = now, UpdatedUtc = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync();
        _eventId = ev.Id;
    }

    private async Task<BookingResult> BookAsync(string name, Dictionary<int, string>? answers = null)
    {
        var form = new BookingForm { Name = name, Email = name.Split(' ')[0].ToLowerInvariant() + "@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true };
        foreach (var (id, value) in answers ?? [])
        {
            form.Answers[id] = value;
        }

        var outcome = await _bookings.BookAsync(new BookingRequest(_eventId, form));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!;
    }

    /// <summary>Ann holds the one place, Bob waits, Ann cancels: Bob has an offer.</summary>
    private async Task<string> OfferedTokenAsync()
    {
        var ann = await BookAsync("Ann Example");
        var bob = await BookAsync("Bob Example");
        (await _bookings.CancelAsync(ann.ManageToken)).Succeeded.ShouldBeTrue();
        return bob.ManageToken;
    }

    private IRenderedComponent<ManagePage> RenderPage(string token, string? action = null, string? done = null)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(ManageRoutes.Manage(token) + (action is null ? null : "/" + action) + (done is null ? null : "?done=" + done));
        return Render<ManagePage>(p => p.Add(c => c.Token, token).Add(c => c.Action, action).AddCascadingValue(_request.Http));
    }

    private string RedirectedTo => new Uri(Services.GetRequiredService<NavigationManager>().Uri).PathAndQuery;

    private async Task<BookingStatus> StatusAsync(string token) => (await _bookings.GetByTokenAsync(token))!.Booking.Status;

    [Fact]
    public async Task Every_action_on_the_page_is_a_plain_post_form_and_nothing_needs_a_circuit()
    {
        var token = (await BookAsync("Ann Example")).ManageToken;

        var page = RenderPage(token);

        page.FindAll("form").ShouldAllBe(f => f.GetAttribute("method") == "post");
        page.FindAll("button[type=button]").ShouldBeEmpty();
        page.Find("[data-testid=cancel-booking]").GetAttribute("href").ShouldBe($"/manage/{token}/cancel#cancel");
        page.FindAll("[data-testid=confirm-cancel]").ShouldBeEmpty("cancelling asks first, on its own address");
    }

    [Fact]
    public async Task A_confirmed_online_place_sees_the_joining_link_and_an_in_person_place_does_not()
    {
        await using (var db = Core.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == _eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.OnlineUrl, "https://meet.example.org/manage-7d1e"), Xunit.TestContext.Current.CancellationToken);
            db.Add(new TicketType { EventId = _eventId, Name = "In the room", SortOrder = 0 });
            db.Add(new TicketType { EventId = _eventId, Name = "Remote", Attendance = Attendance.Online, Quota = 5, SortOrder = 1 });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        List<int> types;
        await using (var db = Core.Database.CreateDbContext())
        {
            types = await db.Set<TicketType>().Where(t => t.EventId == _eventId).OrderBy(t => t.SortOrder).Select(t => t.Id).ToListAsync(Xunit.TestContext.Current.CancellationToken);
        }
        var ann = await _bookings.BookAsync(new BookingRequest(_eventId, new BookingForm { Name = "Ann Room", Email = "ann@devon.gov.uk", Organisation = "DCC", PrivacyConsent = true, TicketTypeId = types[0] }));
        var olu = await _bookings.BookAsync(new BookingRequest(_eventId, new BookingForm { Name = "Olu Online", Email = "olu@devon.gov.uk", Organisation = "DCC", PrivacyConsent = true, TicketTypeId = types[1] }));

        var online = RenderPage(olu.Value!.ManageToken);
        online.Find("[data-testid=joining-link]").GetAttribute("href").ShouldBe("https://meet.example.org/manage-7d1e");
        online.Markup.ShouldContain("Remote (online)");
        RenderPage(ann.Value!.ManageToken).Markup.ShouldNotContain("meet.example.org");
    }

    [Fact]
    public async Task After_the_event_has_started_the_page_links_to_the_feedback_form_and_after_answering_says_thank_you()
    {
        var token = (await BookAsync("Ann Example")).ManageToken;
        RenderPage(token).FindAll("[data-testid=manage-feedback-link]").ShouldBeEmpty("feedback opens when the event starts");
        await using (var db = Core.Database.CreateDbContext())
        {
            var now = Core.Clock.GetUtcNow().UtcDateTime;
            await db.Events.Where(e => e.Id == _eventId).ExecuteUpdateAsync(
                u => u.SetProperty(e => e.StartUtc, now.AddHours(-8)).SetProperty(e => e.EndUtc, now.AddHours(-2)), Xunit.TestContext.Current.CancellationToken);
        }

        var after = RenderPage(token);

        after.Find("[data-testid=manage-feedback-link]").GetAttribute("href").ShouldBe(EventHub.Core.Feedback.FeedbackRoutes.Form(token));
        var feedback = Services.GetRequiredService<EventHub.Core.Feedback.FeedbackService>();
        (await feedback.GiveAsync(token, new EventHub.Core.Feedback.FeedbackInput(4, "The talks", null))).Succeeded.ShouldBeTrue();
        var answered = RenderPage(token);
        answered.FindAll("[data-testid=manage-feedback-link]").ShouldBeEmpty();
        answered.Find("[data-testid=manage-feedback-given]").TextContent.ShouldBe("You have given your feedback on this event. Thank you.");
    }

    [Fact]
    public async Task Opening_the_accept_link_shows_the_offer_and_changes_nothing()
    {
        var token = await OfferedTokenAsync();

        var page = RenderPage(token, ManagePage.AcceptOfferAction);

        page.Find("[data-testid=manage-status]").TextContent.ShouldBe("Place offered");
        page.Find("[data-testid=accept-offer]").Closest("form")!.GetAttribute("method").ShouldBe("post");
        (await StatusAsync(token)).ShouldBe(BookingStatus.Offered);
    }

    [Fact]
    public async Task Pressing_accept_takes_the_place_once_and_the_page_it_redirects_to_says_so()
    {
        var token = await OfferedTokenAsync();
        var page = RenderPage(token, ManagePage.AcceptOfferAction);

        await _request.PressAsync(page, "[data-testid=accept-offer]");

        (await StatusAsync(token)).ShouldBe(BookingStatus.Confirmed);
        RedirectedTo.ShouldBe($"/manage/{token}?done=accepted");
        var after = RenderPage(token, done: "accepted");
        after.Find("[data-testid=manage-message]").TextContent.ShouldContain("The place is yours");
        after.Find("[data-testid=ticket-qr]");
    }

    [Fact]
    public async Task An_offer_that_ran_out_is_refused_from_the_catalogue_in_the_error_summary()
    {
        var token = await OfferedTokenAsync();
        var page = RenderPage(token, ManagePage.AcceptOfferAction);
        Core.Clock.Advance(TimeSpan.FromDays(20));

        await _request.PressAsync(page, "[data-testid=accept-offer]");

        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("There is a problem");
        page.Find("[data-testid=error-summary]").TextContent.ShouldContain(BookingErrors.OfferEnded.Message);
        page.FindAll("[data-testid=manage-message]").ShouldBeEmpty();
        (await StatusAsync(token)).ShouldNotBe(BookingStatus.Confirmed);
    }

    /// <summary>The event holds places until the address is confirmed: Ann's place is held.</summary>
    private async Task<string> HeldTokenAsync()
    {
        await using (var db = Core.Database.CreateDbContext())
        {
            db.Add(new BookingSettings { EventId = _eventId, HoldUntilEmailConfirmed = true });
            await db.SaveChangesAsync();
        }

        var ann = await BookAsync("Ann Example");
        ann.Status.ShouldBe(BookingStatus.Held);
        return ann.ManageToken;
    }

    [Fact]
    public async Task Opening_the_held_place_link_only_shows_the_hold_and_pressing_the_button_keeps_the_place()
    {
        var token = await HeldTokenAsync();

        var page = RenderPage(token, ManagePage.ConfirmEmailAction);
        page.Find("h1").TextContent.ShouldBe("Confirm your email address to keep your place");
        page.Find("[data-testid=hold-panel]").TextContent.ShouldContain("It is not yours yet");
        page.Find("[data-testid=confirm-email]").Closest("form")!.GetAttribute("method").ShouldBe("post");
        page.FindAll("[data-testid=ticket-qr]").ShouldBeEmpty();
        (await StatusAsync(token)).ShouldBe(BookingStatus.Held, "a mail scanner opening the link confirms nothing");

        await _request.PressAsync(page, "[data-testid=confirm-email]");

        (await StatusAsync(token)).ShouldBe(BookingStatus.Confirmed);
        RedirectedTo.ShouldBe($"/manage/{token}?done=confirmed");
        var after = RenderPage(token, done: "confirmed");
        after.Find("[data-testid=manage-message]").TextContent.ShouldContain("the place is yours");
        after.Find("[data-testid=ticket-qr]");
    }

    [Fact]
    public async Task A_hold_that_ran_out_is_refused_from_the_catalogue_in_the_error_summary()
    {
        var token = await HeldTokenAsync();
        var page = RenderPage(token, ManagePage.ConfirmEmailAction);
        Core.Clock.Advance(TimeSpan.FromMinutes(BookingOptions.DefaultHoldMinutes));

        await _request.PressAsync(page, "[data-testid=confirm-email]");

        page.Find("[data-testid=error-summary]").TextContent.ShouldContain(BookingErrors.HoldEnded.Message);
        (await StatusAsync(token)).ShouldBe(BookingStatus.Held);
    }

    [Fact]
    public async Task The_decline_link_asks_first_and_declining_passes_the_place_on()
    {
        var token = await OfferedTokenAsync();
        var page = RenderPage(token, ManagePage.DeclineOfferAction);
        page.Find("[data-testid=offer-decline-check]").TextContent.ShouldContain("You cannot undo this");
        (await StatusAsync(token)).ShouldBe(BookingStatus.Offered);

        await _request.PressAsync(page, "[data-testid=decline-offer]");

        (await StatusAsync(token)).ShouldBe(BookingStatus.Cancelled);
        RedirectedTo.ShouldBe($"/manage/{token}?done=declined");
        RenderPage(token, done: "declined").Find("[data-testid=manage-message]").TextContent.ShouldContain("You turned down the place");
    }

    [Fact]
    public async Task Cancelling_asks_first_then_cancels_and_offers_the_place_to_the_person_waiting()
    {
        var ann = await BookAsync("Ann Example");
        var bob = await BookAsync("Bob Example");
        var page = RenderPage(ann.ManageToken, ManagePage.CancelAction);
        page.Find("[data-testid=cancel-check]").TextContent.ShouldContain("You cannot undo this");
        page.Find("[data-testid=keep-booking]").GetAttribute("href").ShouldBe(ManageRoutes.Manage(ann.ManageToken));

        await _request.PressAsync(page, "[data-testid=confirm-cancel]");

        (await StatusAsync(ann.ManageToken)).ShouldBe(BookingStatus.Cancelled);
        (await StatusAsync(bob.ManageToken)).ShouldBe(BookingStatus.Offered);
        RedirectedTo.ShouldBe($"/manage/{ann.ManageToken}?done=cancelled");
        var after = RenderPage(ann.ManageToken, done: "cancelled");
        after.Find("h1").TextContent.ShouldBe("This booking is cancelled");
        after.Find("[data-testid=manage-message]").TextContent.ShouldBe("Your booking is cancelled.");
    }

    [Fact]
    public async Task Leaving_the_waiting_list_says_so()
    {
        await BookAsync("Ann Example");
        var bob = await BookAsync("Bob Example");
        var page = RenderPage(bob.ManageToken, ManagePage.CancelAction);
        page.Find("[data-testid=confirm-cancel]").TextContent.ShouldBe("Yes, leave the waiting list");

        await _request.PressAsync(page, "[data-testid=confirm-cancel]");

        (await StatusAsync(bob.ManageToken)).ShouldBe(BookingStatus.Cancelled);
        RedirectedTo.ShouldBe($"/manage/{bob.ManageToken}?done=left-waiting-list");
        RenderPage(bob.ManageToken, done: "left-waiting-list").Find("[data-testid=manage-message]").TextContent.ShouldBe("You have left the waiting list.");
    }

    [Fact]
    public async Task Answers_with_a_mistake_keep_everything_typed_and_saved_answers_keep_a_hidden_question()
    {
        int required, choice, hidden;
        await using (var db = Core.Database.CreateDbContext())
        {
            var r = new RegistrationQuestion { EventId = _eventId, Text = "Which team are you in?", Kind = QuestionKind.ShortText, Required = true };
            var c = new RegistrationQuestion { EventId = _eventId, Text = "Which days?", Kind = QuestionKind.MultipleChoice, Options = "Monday\nTuesday", SortOrder = 1 };
            var h = new RegistrationQuestion { EventId = _eventId, Text = "Old question", Kind = QuestionKind.ShortText, SortOrder = 2 };
            db.AddRange(r, c, h);
            await db.SaveChangesAsync();
            (required, choice, hidden) = (r.Id, c.Id, h.Id);
        }

        var ann = await BookAsync("Ann Example", new() { [required] = "Digital", [hidden] = "Kept" });
        await using (var db = Core.Database.CreateDbContext())
        {
            await db.Set<RegistrationQuestion>().Where(q => q.Id == hidden).ExecuteUpdateAsync(u => u.SetProperty(q => q.Hidden, true));
        }

        var page = RenderPage(ann.ManageToken);
        page.Markup.ShouldNotContain("Old question");
        page.FindAll($"input[type=checkbox][name={BookingRules.AnswerField(choice)}]").Count.ShouldBe(2);
        PlainForm.Type(page, BookingRules.AnswerField(required), "");
        PlainForm.Tick(page, "input[value=Tuesday]");
        PlainForm.Type(page, "AccessNeeds", "A hearing loop");

        await _request.PressAsync(page, "[data-testid=save-answers]");

        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("There is a problem");
        page.Find("#AccessNeeds").GetAttribute("value").ShouldBe("A hearing loop");
        page.Find("input[value=Tuesday]").HasAttribute("checked").ShouldBeTrue();
        PlainForm.Type(page, BookingRules.AnswerField(required), "Finance");

        await _request.PressAsync(page, "[data-testid=save-answers]");

        RedirectedTo.ShouldBe($"/manage/{ann.ManageToken}?done=answers");
        var saved = (await _bookings.GetByTokenAsync(ann.ManageToken))!.Booking;
        saved.AccessNeeds.ShouldBe("A hearing loop");
        saved.Answers.OrderBy(a => a.QuestionId).Select(a => a.Value).ShouldBe(["Finance", "Tuesday", "Kept"]);
        RenderPage(ann.ManageToken, done: "answers").Find("[data-testid=manage-message]").TextContent.ShouldBe("Your answers are saved.");
    }

    [Fact]
    public async Task Ticking_a_session_takes_a_place_at_it()
    {
        int sessionId;
        await using (var db = Core.Database.CreateDbContext())
        {
            var ev = await db.Events.SingleAsync(e => e.Id == _eventId);
            var session = new Session { EventId = _eventId, Title = "Screen reader clinic", StartUtc = ev.StartUtc.AddHours(1), EndUtc = ev.StartUtc.AddHours(2), Capacity = 5 };
            db.Add(session);
            await db.SaveChangesAsync();
            sessionId = session.Id;
        }

        var ann = await BookAsync("Ann Example");
        var page = RenderPage(ann.ManageToken);
        PlainForm.Tick(page, $"[data-testid=manage-session-{sessionId}]");

        await _request.PressAsync(page, "[data-testid=save-sessions]");

        RedirectedTo.ShouldBe($"/manage/{ann.ManageToken}?done=sessions");
        (await _bookings.GetByTokenAsync(ann.ManageToken))!.Booking.Sessions.ShouldHaveSingleItem().SessionId.ShouldBe(sessionId);
        RenderPage(ann.ManageToken, done: "sessions").Find($"[data-testid=manage-session-{sessionId}]").HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public void A_wrong_token_or_action_reveals_nothing()
    {
        RenderPage("not-a-real-token").Find("[data-testid=invalid-link]");
        RenderPage("not-a-real-token", "delete-everything").Find("[data-testid=invalid-link]");
    }
}
