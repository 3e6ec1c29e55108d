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
/// The manage link as plain HTML forms: rendered on the server with no circuit, every action works with JavaScript off,
/// a GET of an offer link only shows, and with JavaScript on the forms are enhanced without a connection to Blazor.
/// </summary>
public sealed class PlainManageJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task An_anonymous_visit_to_the_manage_link_is_static_html_and_asks_for_no_circuit()
    {
        var (eventId, _) = await PublishedEventAsync(capacity: 5);
        var ann = await BookAsync(eventId, "Ann Static");
        using var client = App.CreateHttpClient();

        var response = await client.GetAsync(ManageRoutes.Manage(ann.ManageToken), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("\"type\":\"server\"", customMessage: "the manage page asks for a circuit");
        html.ShouldContain("data-testid=\"static-page\"");
        html.ShouldContain("__RequestVerificationToken");
    }

    [Fact]
    public async Task Without_javascript_a_person_cancels_from_the_manage_link_and_the_place_goes_to_the_person_waiting()
    {
        var (eventId, _) = await PublishedEventAsync(capacity: 1);
        var ann = await BookAsync(eventId, "Ann Nojs");
        var bob = await BookAsync(eventId, "Bob Waiting");

        var page = await NewPageAsync(phone: true, javaScript: false);
        await page.GotoInteractiveAsync(App.Url(ManageRoutes.Manage(ann.ManageToken)));
        await Assertions.Expect(page.GetByTestId("manage-status")).ToHaveTextAsync("Confirmed");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await page.GetByTestId("cancel-booking").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cancel-check")).ToContainTextAsync("You cannot undo this");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await StatusAsync(ann.ManageToken)).ShouldBe(BookingStatus.Confirmed, "opening the cancel page changes nothing");

        await page.GetByTestId("confirm-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("manage-message")).ToHaveTextAsync("Your booking is cancelled.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This booking is cancelled");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("\\?done=cancelled$"));
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        (await StatusAsync(ann.ManageToken)).ShouldBe(BookingStatus.Cancelled);
        (await StatusAsync(bob.ManageToken)).ShouldBe(BookingStatus.Offered);
    }

    [Fact]
    public async Task Without_javascript_the_person_offered_the_place_accepts_it_from_the_email_link()
    {
        var (eventId, _) = await PublishedEventAsync(capacity: 1);
        var ann = await BookAsync(eventId, "Ann Leaving");
        var bob = await BookAsync(eventId, "Bob Nojs");
        (await App.Service<BookingService>().CancelAsync(ann.ManageToken, Ct)).Succeeded.ShouldBeTrue();

        var page = await NewPageAsync(phone: true, javaScript: false);
        await page.GotoInteractiveAsync(App.Url(ManageRoutes.AcceptOffer(bob.ManageToken)));
        await Assertions.Expect(page.GetByTestId("offer-panel")).ToContainTextAsync("A place has come up for you");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await StatusAsync(bob.ManageToken)).ShouldBe(BookingStatus.Offered, "opening the link only shows the offer");

        await page.GetByTestId("accept-offer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("manage-status")).ToHaveTextAsync("Confirmed");
        await Assertions.Expect(page.GetByTestId("manage-message")).ToContainTextAsync("The place is yours");
        await Assertions.Expect(page.GetByTestId("ticket-qr")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        // A refresh of the page it landed on shows, and acts no more.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("manage-status")).ToHaveTextAsync("Confirmed");
        (await StatusAsync(bob.ManageToken)).ShouldBe(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task Without_javascript_answers_with_a_mistake_keep_what_was_typed_and_then_save()
    {
        var (eventId, _) = await PublishedEventAsync(capacity: 5);
        var question = (await App.Service<QuestionAdminService>().SaveAsync(Actor.System, eventId, null, "Which team are you in?", string.Empty, QuestionKind.ShortText, true, string.Empty, Ct)).Value!;
        var ann = await BookAsync(eventId, "Ann Answers", new() { [question.Id] = "Digital" });

        var page = await NewPageAsync(javaScript: false);
        await page.GotoInteractiveAsync(App.Url(ManageRoutes.Manage(ann.ManageToken)));
        var field = BookingRules.AnswerField(question.Id);
        await page.GetByTestId(field).FillAsync(string.Empty);
        await page.GetByTestId("AccessNeeds").FillAsync("A hearing loop");
        await page.GetByTestId("save-answers").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("There is a problem");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(page.GetByTestId("AccessNeeds")).ToHaveValueAsync("A hearing loop");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await page.GetByTestId(field).FillAsync("Finance");
        await page.GetByTestId("save-answers").ClickAsync();
        await Assertions.Expect(page.GetByTestId("manage-message")).ToHaveTextAsync("Your answers are saved.");
        await Assertions.Expect(page.GetByTestId(field)).ToHaveValueAsync("Finance");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await App.Service<BookingService>().GetByTokenAsync(ann.ManageToken, Ct))!.Booking.AccessNeeds.ShouldBe("A hearing loop");
    }

    [Fact]
    public async Task Without_javascript_the_reminder_links_keep_one_place_and_release_another_to_the_person_waiting()
    {
        var (eventId, _) = await PublishedEventAsync(capacity: 2);
        var ann = await BookAsync(eventId, "Ann Coming");
        var bob = await BookAsync(eventId, "Bob Going");
        var cat = await BookAsync(eventId, "Cat Waiting");

        var page = await NewPageAsync(phone: true, javaScript: false);
        await page.GotoInteractiveAsync(App.Url(ManageRoutes.StillComing(ann.ManageToken)));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Are you still coming?");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("keep-place").ClickAsync();
        await Assertions.Expect(page.GetByTestId("place-kept")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await page.GotoInteractiveAsync(App.Url(ManageRoutes.ReleasePlace(bob.ManageToken)));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Release your place?");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await StatusAsync(bob.ManageToken)).ShouldBe(BookingStatus.Confirmed, "opening the link changes nothing");
        await page.GetByTestId("release-place").ClickAsync();
        await Assertions.Expect(page.GetByTestId("place-released")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        (await StatusAsync(ann.ManageToken)).ShouldBe(BookingStatus.Confirmed);
        (await StatusAsync(bob.ManageToken)).ShouldBe(BookingStatus.Cancelled);
        (await StatusAsync(cat.ManageToken)).ShouldBe(BookingStatus.Offered);
    }

    [Fact]
    public async Task With_javascript_on_the_enhanced_manage_forms_act_without_any_connection_to_blazor()
    {
        var (eventId, _) = await PublishedEventAsync(capacity: 1);
        await BookAsync(eventId, "Ann Staying");
        var bob = await BookAsync(eventId, "Bob Enhanced");

        var page = await NewPageAsync(phone: true);
        var blazorTraffic = page.RecordBlazorTraffic();
        await page.GotoInteractiveAsync(App.Url(ManageRoutes.Manage(bob.ManageToken)));
        await Assertions.Expect(page.GetByTestId("manage-status")).ToHaveTextAsync("Waiting list, number 1");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("DietaryNeeds").FillAsync("Vegan");
        await page.GetByTestId("save-answers").ClickAsync();
        await Assertions.Expect(page.GetByTestId("manage-message")).ToHaveTextAsync("Your answers are saved.");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByTestId("cancel-booking").ClickAsync();
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("manage-message")).ToHaveTextAsync("You have left the waiting list.");
        await page.ShouldHaveNoAxeViolationsAsync();

        (await StatusAsync(bob.ManageToken)).ShouldBe(BookingStatus.Cancelled);
        blazorTraffic.ShouldBeEmpty();
    }

    private async Task<BookingStatus> StatusAsync(string token)
    {
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        return await db.Set<Booking>().AsNoTracking().WithManageToken(db, token).Select(b => b.Status).SingleAsync(Ct);
    }

    private async Task<BookingResult> BookAsync(int eventId, string name, Dictionary<int, string>? answers = null)
    {
        var form = new BookingForm
        {
            Name = name, Email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..6]}@devon.gov.uk",
            Organisation = "Devon County Council", PrivacyConsent = true,
        };
        foreach (var (id, value) in answers ?? [])
        {
            form.Answers[id] = value;
        }

        var booked = await App.Service<BookingService>().BookAsync(new BookingRequest(eventId, form), Ct);
        booked.Succeeded.ShouldBeTrue(string.Join("; ", booked.Errors.Select(e => e.Message)));
        return booked.Value!;
    }

    private async Task<(int Id, string Slug)> PublishedEventAsync(int capacity)
    {
        var events = App.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Manage link clinic " + Guid.NewGuid().ToString("N")[..6], Capacity = capacity, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(16),
        });
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        return (created.Value.Id, created.Value.Slug);
    }
}
