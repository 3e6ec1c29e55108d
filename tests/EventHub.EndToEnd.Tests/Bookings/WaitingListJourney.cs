using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Bookings;

public sealed class WaitingListJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    private async Task<(int Id, string Slug)> PublishedEventWithOnePlaceAsync()
    {
        var events = App.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Alt Text Workshop " + Guid.NewGuid().ToString("N")[..6], Capacity = 1, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        });
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        return (created.Value.Id, created.Value.Slug);
    }

    private async Task<string> BookAsync(IPage page, string slug, string name, string email, BookingStatus expected)
    {
        await page.GotoInteractiveAsync(App.Url($"/events/{slug}"));
        await page.GetByTestId("book-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/events/{slug}/book$"));
        await Assertions.Expect(page.GetByTestId("booking-form")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.FillFieldAsync("Name", name);
        await page.FillFieldAsync("Email", email);
        await page.FillFieldAsync("Organisation", "Devon County Council");
        await page.GetByTestId("PrivacyConsent").CheckAsync();
        await page.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("check-answers")).ToContainTextAsync(email);
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("confirm-booking").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await page.ShouldHaveNoAxeViolationsAsync();
        // The manage link reaches the visitor only by email: take it from the message queued for them.
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var eventId = await db.Set<Event>().Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync(TestContext.Current.CancellationToken);
        var booking = await db.Set<Booking>().SingleAsync(b => b.Email == email && b.EventId == eventId, TestContext.Current.CancellationToken);
        booking.Status.ShouldBe(expected);
        var mail = await db.Set<OutboxMessage>().SingleAsync(m => m.EventId == booking.EventId && m.ToEmail == email, TestContext.Current.CancellationToken);
        mail.Template.ShouldBe(expected == BookingStatus.Confirmed ? BookingTemplates.BookingConfirmed : BookingTemplates.WaitlistJoined);
        return ManageRoutes.Manage(System.Text.Json.JsonSerializer.Deserialize<BookingMessagePayload>(App.Service<OutboxPayloadProtection>().Reveal(mail))!.ManageToken);
    }

    [Fact]
    public async Task A_visitor_books_the_last_place_the_next_waits_and_gets_the_place_when_the_first_cancels()
    {
        var (eventId, slug) = await PublishedEventWithOnePlaceAsync();

        // Ann books the last place; Bob joins the waiting list at number 1.
        var ann = await NewPageAsync();
        var annManage = await BookAsync(ann, slug, "Ann Example", "ann@devon.gov.uk", BookingStatus.Confirmed);
        var bob = await NewPageAsync(phone: true);
        var bobManage = await BookAsync(bob, slug, "Bob Example", "bob@devon.gov.uk", BookingStatus.Waiting);

        // Ann cancels from her private link.
        await ann.GotoInteractiveAsync(App.Url(annManage));
        await Assertions.Expect(ann.GetByTestId("ticket-qr")).ToBeVisibleAsync();
        await ann.ShouldHaveNoAxeViolationsAsync();
        await ann.GetByTestId("cancel-booking").ClickAsync();
        await ann.GetByTestId("confirm-cancel").ClickAsync();
        await Assertions.Expect(ann.GetByTestId("manage-message")).ToContainTextAsync("Your booking is cancelled");
        await ann.ShouldHaveNoAxeViolationsAsync();

        // Bob's offer is in the outbox, with the link he follows.
        string bobToken;
        await using (var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var offer = await db.Set<OutboxMessage>().SingleAsync(m => m.EventId == eventId && m.Template == BookingTemplates.PlaceOffered, TestContext.Current.CancellationToken);
            offer.ToEmail.ShouldBe("bob@devon.gov.uk");
            bobToken = System.Text.Json.JsonSerializer.Deserialize<BookingMessagePayload>(App.Service<OutboxPayloadProtection>().Reveal(offer))!.ManageToken;
            bobToken.ShouldNotBe(bobManage.Split('/')[^1], "each mail carries a link of its own");
        }

        // A mail scanner fetching the link (a plain GET, no script) changes nothing.
        using (var scanner = App.CreateHttpClient())
        {
            var scanned = await scanner.GetAsync(ManageRoutes.AcceptOffer(bobToken), TestContext.Current.CancellationToken);
            scanned.EnsureSuccessStatusCode();
            (await scanned.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("A place is waiting for you");
            scanned = await scanner.GetAsync(ManageRoutes.DeclineOffer(bobToken), TestContext.Current.CancellationToken);
            scanned.EnsureSuccessStatusCode();
        }

        await using (var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var stillOffered = await db.Set<EventHub.Core.Bookings.Booking>().AsNoTracking().WithManageToken(db, bobToken).SingleAsync(TestContext.Current.CancellationToken);
            stillOffered.Status.ShouldBe(BookingStatus.Offered);
            (await db.Set<OutboxMessage>().CountAsync(m => m.EventId == eventId && m.Template == BookingTemplates.BookingConfirmed && m.ToEmail == "bob@devon.gov.uk", TestContext.Current.CancellationToken))
                .ShouldBe(0);
        }

        // Bob opening the same link in his browser sees the offer; the button on it accepts the place.
        await bob.GotoInteractiveAsync(App.Url(ManageRoutes.AcceptOffer(bobToken)));
        await Assertions.Expect(bob.GetByTestId("manage-status")).ToHaveTextAsync("Place offered");
        await bob.GetByTestId("accept-offer").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("manage-status")).ToHaveTextAsync("Confirmed");
        await Assertions.Expect(bob.GetByTestId("manage-message")).ToContainTextAsync("The place is yours");
        await Assertions.Expect(bob.GetByTestId("ticket-qr")).ToBeVisibleAsync();
        await bob.ShouldHaveNoAxeViolationsAsync();

        // A wrong link reveals nothing.
        await bob.GotoAsync(App.Url("/manage/not-a-real-token"));
        await Assertions.Expect(bob.Locator("h1")).ToHaveTextAsync("This link is not valid");
        await bob.ShouldHaveNoAxeViolationsAsync();

        // The organiser's attendee list shows both changes.
        var (organiser, _) = await SignedInPageAsync("Ada Admin");
        await organiser.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}/attendees"));
        await Assertions.Expect(organiser.GetByTestId("count-confirmed")).ToHaveTextAsync("1");
        await Assertions.Expect(organiser.GetByTestId("count-waiting")).ToHaveTextAsync("0");
        var rows = organiser.GetByTestId("attendees-table").Locator("tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "Ann Example" })).ToContainTextAsync("Cancelled");
        await Assertions.Expect(rows.Filter(new() { HasText = "Bob Example" })).ToContainTextAsync("Confirmed");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        // The booking settings page: add a registration question.
        await organiser.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}/booking-settings"));
        await organiser.ShouldHaveNoAxeViolationsAsync();
        await organiser.FillFieldAsync("question-Text", "Which team are you in?");
        await organiser.GetByTestId("add-question").ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("questions")).ToContainTextAsync("Which team are you in?");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        // A second question goes first with the keyboard-reachable "Move up" button.
        await organiser.FillFieldAsync("question-Text", "How did you hear about us?");
        await organiser.GetByTestId("add-question").ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("questions").Locator("li")).ToHaveCountAsync(2);
        await organiser.GetByTestId("questions").Locator("li").Nth(1).GetByTestId("question-up").FocusAsync();
        await organiser.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organiser.GetByTestId("questions").Locator("li").First).ToContainTextAsync("How did you hear about us?");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        // A ticket type, then Bob is moved onto it from the attendee list.
        await organiser.FillFieldAsync("ticket-Name", "Speakers");
        await organiser.GetByTestId("add-ticket-type").ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("ticket-types")).ToContainTextAsync("Speakers");
        await organiser.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}/attendees"));
        await rows.Filter(new() { HasText = "Bob Example" }).GetByTestId("move-attendee").ClickAsync();
        await Assertions.Expect(organiser.Locator("h1")).ToHaveTextAsync("Move Bob Example");
        await organiser.WaitForInteractiveAsync();
        await organiser.ShouldHaveNoAxeViolationsAsync();
        await organiser.GetByTestId("TicketTypeId").SelectOptionAsync(new SelectOptionValue { Label = "Speakers" });
        await organiser.GetByTestId("move-booking").ClickAsync();
        await Assertions.Expect(organiser).ToHaveURLAsync(App.Url($"/organiser/events/{eventId}/attendees"));
        await Assertions.Expect(rows.Filter(new() { HasText = "Bob Example" })).ToContainTextAsync("Speakers");
        await organiser.ShouldHaveNoAxeViolationsAsync();
        await using (var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            (await db.Set<OutboxMessage>().SingleAsync(m => m.EventId == eventId && m.Template == BookingTemplates.BookingChanged, TestContext.Current.CancellationToken))
                .ToEmail.ShouldBe("bob@devon.gov.uk");
        }

        // The audit log, linked from the event page, says who did each of these, in the event's time zone.
        await organiser.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}"));
        await organiser.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Assertions.Expect(organiser).ToHaveURLAsync(App.Url($"/organiser/events/{eventId}/audit-log"));
        await Assertions.Expect(organiser.GetByTestId("audit-table")).ToContainTextAsync("Moved Bob Example: Ticket type: none to Speakers");
        await Assertions.Expect(organiser.GetByTestId("audit-table")).ToContainTextAsync("Ada Admin");
        await organiser.ShouldHaveNoAxeViolationsAsync();
    }
}
