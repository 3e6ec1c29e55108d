using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Organisers;
using EventHub.Core.Tests.Email;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using MimeKit;

namespace EventHub.EndToEnd.Tests.CheckIn;

/// <summary>
/// The door on the day: an organiser makes a door link, a visitor books and gets the ticket by real SMTP, a
/// volunteer's phone checks the ticket in with a handheld scanner (keys then Enter), and the organiser's event page
/// counts it live.
/// </summary>
public sealed class DoorJourney(BrowserFixture browser) : IAsyncLifetime
{
    private SmtpListener _smtp = default!;
    private AppHost _app = default!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpListener.StartAsync();
        _app = new AppHost(MailSettings.For(_smtp));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_ticket_from_the_confirmation_email_checks_in_at_a_door_link_phone_and_the_organiser_sees_the_count_rise()
    {
        var (eventId, slug) = await PublishedEventAsync();

        // The organiser makes a door link for the volunteer's phone.
        var organiser = await browser.NewPageAsync();
        organiser.Context.SetDefaultTimeout(SlowMachineTimeout);
        await SignInAsync(organiser);
        await organiser.GotoInteractiveAsync(_app.Url($"/organiser/events/{eventId}/door-links"));
        await Assertions.Expect(organiser.GetByTestId("door-link-zone")).ToContainTextAsync("Europe/London");
        await organiser.ShouldHaveNoAxeViolationsAsync();
        await organiser.FillFieldAsync("door-link-label", "Main entrance phone");
        // The form suggests the event's own day; this test checks in today, so the organiser types today's window.
        var nowInLondon = EventHub.Core.Common.EventTime.ToLocal(DateTime.UtcNow, "Europe/London");
        await organiser.FillFieldAsync("door-link-from", nowInLondon.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await organiser.FillFieldAsync("door-link-until", nowInLondon.AddHours(12).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await organiser.GetByTestId("door-link-create").ClickAsync();
        var linkElement = organiser.GetByTestId("door-link-url");
        await Assertions.Expect(linkElement).ToHaveCountAsync(1);
        var doorPath = new Uri((await linkElement.TextContentAsync())!).AbsolutePath;
        doorPath.ShouldStartWith("/door/");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        // A visitor books; the confirmation arrives over SMTP with the ticket QR inline.
        var visitor = await browser.NewPageAsync(phone: true);
        visitor.Context.SetDefaultTimeout(SlowMachineTimeout);
        await BookAsync(visitor, slug, "Ann Example", "ann@devon.gov.uk");
        var mail = await WaitForMailToAsync("ann@devon.gov.uk");
        var png = mail.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
        png.ContentId.ShouldNotBeNullOrEmpty();
        mail.HtmlBody!.ShouldContain("cid:" + png.ContentId);
        using var pngBytes = new MemoryStream();
        await png.Content!.DecodeToAsync(pngBytes, Ct);
        var code = QrDecoder.Decode(pngBytes.ToArray());
        code.ShouldNotBeNullOrWhiteSpace();

        // The organiser's event page shows the live count.
        await organiser.GotoInteractiveAsync(_app.Url($"/organiser/events/{eventId}"));
        await Assertions.Expect(organiser.GetByTestId("live-checked-in")).ToHaveTextAsync("0");
        await Assertions.Expect(organiser.GetByTestId("dashboard-door")).ToHaveTextAsync("0 checked in of 1 confirmed");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        // The volunteer's phone opens the door link: 360 px wide, nothing wider than the screen.
        var door = await browser.NewPageAsync(phone: true);
        door.Context.SetDefaultTimeout(SlowMachineTimeout);
        await door.GotoAsync(_app.Url(doorPath));
        await door.GetByTestId("door-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Assertions.Expect(door.Locator("h1")).ToHaveTextAsync("Check-in: Alt Text Workshop");
        (await door.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await door.ShouldHaveNoAxeViolationsAsync();

        // A handheld scanner is a keyboard: the field has focus, the code arrives as keys, then Enter.
        await Assertions.Expect(door.GetByTestId("checkin-code")).ToBeFocusedAsync();
        await door.Keyboard.TypeAsync(code!);
        await door.Keyboard.PressAsync("Enter");
        await Assertions.Expect(door.GetByTestId("checkin-result-text")).ToHaveTextAsync("Checked in");
        await Assertions.Expect(door.GetByTestId("checkin-result")).ToContainTextAsync("Ann Example");
        await Assertions.Expect(door.GetByTestId("door-checked-in")).ToHaveTextAsync("1");
        await Assertions.Expect(door.GetByTestId("checkin-code")).ToHaveValueAsync(string.Empty);
        (await door.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await door.ShouldHaveNoAxeViolationsAsync();

        // The organiser's page counted it without a reload, in the count and on the dashboard, which fits a phone.
        await Assertions.Expect(organiser.GetByTestId("live-checked-in")).ToHaveTextAsync("1");
        await Assertions.Expect(organiser.GetByTestId("dashboard-door")).ToHaveTextAsync("1 checked in of 1 confirmed");
        await Assertions.Expect(organiser.GetByTestId("organisations-summary")).ToContainTextAsync("1 place");
        await organiser.SetViewportSizeAsync(360, 740);
        (await organiser.EvaluateAsync<bool>("() => { const d = document.querySelector('[data-testid=event-dashboard]'); return d.scrollWidth <= d.clientWidth && d.getBoundingClientRect().right <= 360; }")).ShouldBeTrue();
        await organiser.ShouldHaveNoAxeViolationsAsync();

        // Keyboard only: Tab to the search field, find Ann by name, Tab to her button and press Enter.
        await TabUntilAsync(door, "checkin-search");
        await door.Keyboard.TypeAsync("Ann");
        await Assertions.Expect(door.Locator(".checkin-found")).ToContainTextAsync("Ann Example Devon County Council (checked in)");
        await TabUntilAsync(door, null, "Check in Ann Example");
        await door.Keyboard.PressAsync("Enter");
        await Assertions.Expect(door.GetByTestId("checkin-result-text")).ToHaveTextAsync("Already checked in");
        await door.ShouldHaveNoAxeViolationsAsync();
    }

    /// <summary>Presses Tab until the focused element has the id (or the text); fails after 30 presses.</summary>
    private static async Task TabUntilAsync(IPage page, string? id, string? text = null)
    {
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("() => [document.activeElement?.id ?? '', document.activeElement?.textContent?.trim() ?? '']");
            if ((id is not null && focused[0] == id) || (text is not null && focused[1] == text))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {id ?? text}.");
    }

    private async Task<(int Id, string Slug)> PublishedEventAsync()
    {
        (await _app.CreateFirstAdministratorAsync(
            new OrganiserInput("Ada Admin", "ada@devon.gov.uk", "correct horse battery", true))).Succeeded.ShouldBeTrue();
        var events = _app.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Alt Text Workshop", Capacity = 20, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        });
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        return (created.Value.Id, created.Value.Slug);
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(_app.Url("/account/login"));
        await page.GetByTestId("Email").FillAsync("ada@devon.gov.uk");
        await page.GetByTestId("Password").FillAsync("correct horse battery");
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync("**/organiser/events");
    }

    private async Task BookAsync(IPage page, string slug, string name, string email)
    {
        await page.GotoInteractiveAsync(_app.Url($"/events/{slug}"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("book-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/events/{slug}/book$"));
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
    }

    private async Task<MimeMessage> WaitForMailToAsync(string address)
    {
        for (var i = 0; i < 150; i++)
        {
            var found = _smtp.Received.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address) && m.BodyParts.OfType<MimePart>().Any(p => p.ContentType.MimeType == "image/png"));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"No message with a QR code reached {address} over SMTP.");
    }

    // Six builds share two cores here: a first page load can take longer than the fixture's 15 s.
    private const float SlowMachineTimeout = 60_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
