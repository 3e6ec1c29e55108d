using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Bookings;

/// <summary>
/// Booking as plain HTML forms: the book page is rendered on the server with no circuit, works with JavaScript off,
/// and with JavaScript on its forms are enhanced without ever opening a connection to Blazor.
/// </summary>
public sealed class PlainBookingJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task An_anonymous_visit_to_the_booking_page_is_static_html_with_a_plain_form_and_opens_no_circuit()
    {
        var ev = await PublishedEventAsync(capacity: 20);
        using var client = App.CreateHttpClient();

        var response = await client.GetAsync($"/events/{ev.Slug}/book", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("\"type\":\"server\"", customMessage: "the booking page asks for a circuit");
        html.ShouldContain("data-testid=\"static-page\"");
        html.ShouldContain("method=\"post\"");
        html.ShouldContain("__RequestVerificationToken");
        html.ShouldNotContain("mud-theme-provider");
    }

    [Fact]
    public async Task With_javascript_on_the_enhanced_form_books_a_place_without_any_connection_to_blazor()
    {
        var ev = await PublishedEventAsync(capacity: 20);
        var page = await NewPageAsync(phone: true);
        var blazorTraffic = page.RecordBlazorTraffic();

        await page.GotoInteractiveAsync(App.Url($"/events/{ev.Slug}"));
        await page.GetByTestId("book-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("booking-form")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("There is a problem");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Book a place"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await FillDetailsAsync(page, "Jo Enhanced", "jo.enhanced@devon.gov.uk");
        await page.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("check-answers")).ToContainTextAsync("jo.enhanced@devon.gov.uk");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("confirm-booking").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await page.ShouldHaveNoAxeViolationsAsync();

        (await BookingsAsync(ev.Id)).ShouldHaveSingleItem().Email.ShouldBe("jo.enhanced@devon.gov.uk");
        blazorTraffic.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_confirm_post_still_books_after_the_network_drops_between_check_your_answers_and_confirm()
    {
        var ev = await PublishedEventAsync(capacity: 20);
        var page = await NewPageAsync(phone: true);
        await page.GotoInteractiveAsync(App.Url($"/events/{ev.Slug}/book"));
        await FillDetailsAsync(page, "Pat Patchy", "pat.patchy@devon.gov.uk");
        await page.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("check-answers")).ToContainTextAsync("pat.patchy@devon.gov.uk");

        // The phone loses its signal on the check page and gets it back: there is no circuit to lose, so nothing is.
        await page.Context.SetOfflineAsync(true);
        await page.WaitForTimeoutAsync(1_000);
        await page.Context.SetOfflineAsync(false);
        await page.GetByTestId("confirm-booking").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await page.ShouldHaveNoAxeViolationsAsync();
        (await BookingsAsync(ev.Id)).ShouldHaveSingleItem().Email.ShouldBe("pat.patchy@devon.gov.uk");
    }

    [Fact]
    public async Task Without_javascript_a_visitor_books_a_place_with_a_ticket_type_a_question_and_a_session_through_check_your_answers()
    {
        var ev = await PublishedEventAsync(capacity: 20);
        var questions = App.Service<QuestionAdminService>();
        (await questions.SaveAsync(Actor.System, ev.Id, null, "Which team are you in?", string.Empty, QuestionKind.SingleChoice, true, "Digital\nFinance", Ct)).Succeeded.ShouldBeTrue();
        (await questions.SaveAsync(Actor.System, ev.Id, null, "Which topics interest you?", string.Empty, QuestionKind.MultipleChoice, false, "Open data\nAccessibility\nProcurement", Ct)).Succeeded.ShouldBeTrue();
        var tickets = App.Service<TicketTypeAdminService>();
        (await tickets.SaveAsync(Actor.System, ev.Id, null, "Council staff", string.Empty, null, false, ct: Ct)).Succeeded.ShouldBeTrue();
        var partners = (await tickets.SaveAsync(Actor.System, ev.Id, null, "Partners", string.Empty, null, false, ct: Ct)).Value!;
        var session = (await App.Service<AgendaService>().SaveSessionAsync(Actor.System, ev.Id, null, new SessionInput
        {
            Title = "Screen reader clinic", StartLocal = ev.Day.AddHours(11), EndLocal = ev.Day.AddHours(12), Capacity = 8,
        }, Ct)).Value!;

        var page = await NewPageAsync(phone: true, javaScript: false);
        await page.GotoInteractiveAsync(App.Url($"/events/{ev.Slug}/book"));
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        // A first try with the ticket type and the required question left out: the error summary, with the rest kept.
        await FillDetailsAsync(page, "Nia Nojs", "nia.nojs@devon.gov.uk");
        await page.GetByTestId("DietaryNeeds").FillAsync("No nuts");
        await page.GetByTestId("continue").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        await Assertions.Expect(summary.Locator("a[href$='#TicketTypeId']")).ToHaveCountAsync(1);
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Book a place"));
        await Assertions.Expect(page.GetByTestId("Name")).ToHaveValueAsync("Nia Nojs");
        await Assertions.Expect(page.GetByTestId("DietaryNeeds")).ToHaveValueAsync("No nuts");
        await Assertions.Expect(page.GetByTestId("PrivacyConsent")).ToBeCheckedAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await page.GetByTestId($"ticket-{partners.Id}").CheckAsync();
        await page.GetByLabel("Finance").CheckAsync();
        await page.GetByLabel("Open data").CheckAsync();
        await page.GetByLabel("Procurement").CheckAsync();
        await page.GetByTestId($"session-{session.Id}").CheckAsync();
        await page.GetByTestId("continue").ClickAsync();
        var check = page.GetByTestId("check-answers");
        await Assertions.Expect(check).ToContainTextAsync("nia.nojs@devon.gov.uk");
        await Assertions.Expect(check).ToContainTextAsync("Partners");
        await Assertions.Expect(check).ToContainTextAsync("Open data, Procurement");
        await Assertions.Expect(check).ToContainTextAsync("Screen reader clinic");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await BookingsAsync(ev.Id)).ShouldBeEmpty("nothing is booked before the visitor confirms");

        await page.GetByTestId("confirm-booking").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await Assertions.Expect(page.GetByTestId("booking-done")).ToContainTextAsync("nia.nojs@devon.gov.uk");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        var booking = (await BookingsAsync(ev.Id)).ShouldHaveSingleItem();
        booking.Status.ShouldBe(BookingStatus.Confirmed);
        booking.TicketTypeId.ShouldBe(partners.Id);
        booking.DietaryNeeds.ShouldBe("No nuts");
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        (await db.Set<BookingAnswer>().Where(a => a.BookingId == booking.Id).OrderBy(a => a.QuestionId).Select(a => a.Value).ToListAsync(Ct))
            .ShouldBe(["Finance", "Open data\nProcurement"]);
        (await db.Set<SessionBooking>().SingleAsync(s => s.BookingId == booking.Id, Ct)).SessionId.ShouldBe(session.Id);
    }

    [Fact]
    public async Task Without_javascript_a_visitor_joins_the_waiting_list_of_a_full_event()
    {
        var ev = await PublishedEventAsync(capacity: 1);
        (await App.Service<BookingService>().BookAsync(new BookingRequest(ev.Id, new BookingForm
        {
            Name = "First Person", Email = "first@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct)).Value!.Status.ShouldBe(BookingStatus.Confirmed);

        var page = await NewPageAsync(javaScript: false);
        await page.GotoInteractiveAsync(App.Url($"/events/{ev.Slug}/book"));
        await Assertions.Expect(page.GetByTestId("full-notice")).ToContainTextAsync("waiting list");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await FillDetailsAsync(page, "Wes Waiting", "wes.waiting@devon.gov.uk");
        await page.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-booking")).ToHaveTextAsync("Join the waiting list");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("confirm-booking").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        (await BookingsAsync(ev.Id)).Single(b => b.Email == "wes.waiting@devon.gov.uk").Status.ShouldBe(BookingStatus.Waiting);
    }

    private static async Task FillDetailsAsync(IPage page, string name, string email)
    {
        await page.GetByTestId("Name").FillAsync(name);
        await page.GetByTestId("Email").FillAsync(email);
        await page.GetByTestId("Organisation").FillAsync("Devon County Council");
        await page.GetByTestId("PrivacyConsent").CheckAsync();
    }

    private async Task<List<Booking>> BookingsAsync(int eventId)
    {
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        return await db.Set<Booking>().AsNoTracking().Where(b => b.EventId == eventId).ToListAsync(Ct);
    }

    private async Task<(int Id, string Slug, DateTime Day)> PublishedEventAsync(int capacity)
    {
        var events = App.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Plain forms clinic " + Guid.NewGuid().ToString("N")[..6], Capacity = capacity, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(16),
        });
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        return (created.Value.Id, created.Value.Slug, day);
    }
}
