using System.Globalization;
using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.MailingLists;
using EventHub.Core.Events;
using EventHub.Core.Organisers;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Bookings;

/// <summary>
/// The organiser opens a priority window and announces the edition with it; the subscriber's link from the email books
/// a place before booking opens to everyone, while a visitor without it is told when booking opens.
/// </summary>
public sealed partial class PriorityBookingJourney(BrowserFixture browser) : OwnAppTest
{
    // No SMTP host: mail goes to the pickup folder, which the test reads like an inbox.
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["EventHub:Email:PollInterval"] = "00:00:00.200" };

    [Fact]
    public async Task A_subscriber_books_early_from_the_announcement_while_a_visitor_without_the_link_is_told_when_booking_opens()
    {
        var (eventId, slug) = await SeedAsync();

        // The organiser opens priority booking yesterday (London time), well before general opening next week.
        var organiser = await browser.NewPageAsync();
        await organiser.GotoAsync(App.Url("/account/login"));
        await organiser.GetByTestId("Email").FillAsync("ada@devon.gov.uk");
        await organiser.GetByTestId("Password").FillAsync("correct horse battery");
        await organiser.GetByTestId("sign-in").ClickAsync();
        await organiser.WaitForURLAsync("**/organiser/events");
        await organiser.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}/booking-settings"));
        await organiser.ShouldHaveNoAxeViolationsAsync();
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var yesterday = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, london).AddDays(-1);
        await organiser.FillFieldAsync("PriorityOpensLocal", yesterday.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await organiser.GetByTestId("save-settings").ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("settings-message")).ToContainTextAsync("Priority booking opens");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        // ...and announces the edition to the list with a priority window.
        await organiser.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}/announce"));
        await Assertions.Expect(organiser.GetByTestId("subscriber-count")).ToHaveTextAsync("1");
        await organiser.ShouldHaveNoAxeViolationsAsync();
        await organiser.GetByTestId("priority-option").CheckAsync();
        await organiser.GetByTestId("announce-button").ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("announce-done")).ToContainTextAsync("each with a personal priority booking link");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        var mail = await PickupInbox.WaitForAsync(App, "sue@devon.example", "Book early:", Ct);
        mail.To.Mailboxes.Single().Address.ShouldBe("sue@devon.example");
        var link = PriorityLink().Match(mail.TextBody!);
        link.Success.ShouldBeTrue(mail.TextBody);
        var path = new Uri(link.Value).PathAndQuery;
        path.ShouldStartWith($"/events/{slug}/book?priority=");

        // A visitor without the link is told when booking opens to everyone.
        var visitor = await browser.NewPageAsync(phone: true);
        await visitor.GotoInteractiveAsync(App.Url($"/events/{slug}/book"));
        await Assertions.Expect(visitor.GetByTestId("booking-window")).ToContainTextAsync("Booking opens");
        await Assertions.Expect(visitor.GetByTestId("continue")).ToHaveCountAsync(0);
        await visitor.ShouldHaveNoAxeViolationsAsync();

        // The subscriber's link opens the form early and carries the token through check-your-answers to confirm.
        var sue = await browser.NewPageAsync();
        await sue.GotoInteractiveAsync(App.Url(path));
        await Assertions.Expect(sue.GetByTestId("priority-notice")).ToContainTextAsync("You are booking early with your priority link");
        await sue.ShouldHaveNoAxeViolationsAsync();
        await sue.FillFieldAsync("Name", "Sue Subscriber");
        await sue.FillFieldAsync("Email", "sue@devon.example");
        await sue.FillFieldAsync("Organisation", "Devon County Council");
        await sue.GetByTestId("PrivacyConsent").CheckAsync();
        await sue.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(sue.GetByTestId("check-answers")).ToContainTextAsync("sue@devon.example");
        await sue.ShouldHaveNoAxeViolationsAsync();
        await sue.GetByTestId("confirm-booking").ClickAsync();
        await Assertions.Expect(sue.Locator("h1")).ToHaveTextAsync("Check your email");
        await sue.ShouldHaveNoAxeViolationsAsync();

        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        (await db.Set<Core.Bookings.Booking>().SingleAsync(b => b.EventId == eventId, Ct)).Email.ShouldBe("sue@devon.example");
    }

    private async Task<(int EventId, string Slug)> SeedAsync()
    {
        (await App.CreateFirstAdministratorAsync(
            new OrganiserInput("Ada Admin", "ada@devon.gov.uk", "correct horse battery", true))).Succeeded.ShouldBeTrue();
        var series = (await App.Service<SeriesService>().CreateAsync(Actor.System, new SeriesInput { Name = "Devon Social Media Forum" }, Ct)).Value!;
        var events = App.Service<EventService>();
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, london).Date;
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            SeriesId = series.Id,
            Title = "Social Media Forum: winter", Capacity = 40, VenueName = "County Hall",
            StartLocal = today.AddDays(30).AddHours(10), EndLocal = today.AddDays(30).AddHours(16),
            BookingOpensLocal = today.AddDays(7).AddHours(9),
        }, Ct);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();

        var lists = App.Service<MailingListService>();
        (await lists.SignUpAsync(series.Slug, new ListSignUpInput { Name = "Sue Subscriber", Email = "sue@devon.example", Consent = true }, Ct)).Succeeded.ShouldBeTrue();
        // The database keeps only the link's hash: Sue's confirmation link comes from her mail.
        var confirmation = await PickupInbox.WaitForAsync(App, "sue@devon.example", "Confirm you want emails about", Ct);
        var confirm = ConfirmLink().Match(confirmation.TextBody!);
        confirm.Success.ShouldBeTrue(confirmation.TextBody);
        (await lists.ConfirmAsync(confirm.Groups[1].Value, Ct)).Succeeded.ShouldBeTrue();
        return (created.Value.Id, created.Value.Slug);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"https?://\S+/events/[a-z0-9-]+/book\?priority=[A-Za-z0-9_-]+")]
    private static partial Regex PriorityLink();

    [GeneratedRegex(@"https?://\S+/lists/confirm/([A-Za-z0-9_-]+)")]
    private static partial Regex ConfirmLink();
}
