using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Organisers;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Email;

public sealed class OutgoingMailJourney(BrowserFixture browser) : IAsyncLifetime
{
    private AppHost _app = default!;

    public ValueTask InitializeAsync()
    {
        // No SMTP host: delivered mail is written to the pickup folder and can be read on the Outgoing mail page.
        _app = new AppHost(new Dictionary<string, string?> { ["EventHub:Email:PollInterval"] = "00:00:00.200" });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_visitor_books_and_the_organiser_finds_the_confirmation_on_the_outgoing_mail_page()
    {
        (await _app.Service<OrganiserAccounts>().CreateFirstAdministratorAsync(
            new OrganiserInput("Ada Admin", "ada@devon.gov.uk", "correct horse battery", true))).Succeeded.ShouldBeTrue();
        var events = _app.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Plain English Clinic", Capacity = 10, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        });
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        var slug = created.Value.Slug;

        // The visitor books.
        var visitor = await browser.NewPageAsync(phone: true);
        await visitor.GotoInteractiveAsync(_app.Url($"/events/{slug}/book"));
        await visitor.ShouldHaveNoAxeViolationsAsync();
        await visitor.FillFieldAsync("Name", "Ann Example");
        await visitor.FillFieldAsync("Email", "ann@devon.gov.uk");
        await visitor.FillFieldAsync("Organisation", "Devon County Council");
        await visitor.GetByTestId("PrivacyConsent").CheckAsync();
        await visitor.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("check-answers")).ToContainTextAsync("ann@devon.gov.uk");
        await visitor.ShouldHaveNoAxeViolationsAsync();
        await visitor.GetByTestId("confirm-booking").ClickAsync();
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Booking confirmed");
        await visitor.ShouldHaveNoAxeViolationsAsync();
        await WaitUntilSentAsync(EmailTemplates.BookingConfirmed);

        // The organiser signs in and finds it.
        var organiser = await browser.NewPageAsync();
        await organiser.GotoAsync(_app.Url("/account/login"));
        await organiser.GetByTestId("Email").FillAsync("ada@devon.gov.uk");
        await organiser.GetByTestId("Password").FillAsync("correct horse battery");
        await organiser.GetByTestId("sign-in").ClickAsync();
        await organiser.WaitForURLAsync("**/organiser/events");
        await organiser.GotoInteractiveAsync(_app.Url("/organiser/mail"));
        var row = organiser.Locator("tr").Filter(new() { HasText = "ann@devon.gov.uk" });
        await Assertions.Expect(row.GetByTestId("mail-row-status")).ToContainTextAsync("Sent");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        await row.GetByTestId("mail-view").ClickAsync();

        await Assertions.Expect(organiser).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/organiser/mail/\d+$"));
        await Assertions.Expect(organiser.GetByTestId("preview-subject")).ToHaveTextAsync("Your place at Plain English Clinic is confirmed");
        await Assertions.Expect(organiser.GetByTestId("preview-to")).ToContainTextAsync("ann@devon.gov.uk");
        await Assertions.Expect(organiser.GetByTestId("preview-text")).ToContainTextAsync("/manage/");
        await organiser.ShouldHaveNoAxeViolationsAsync();
    }

    private async Task WaitUntilSentAsync(string template)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 200; i++)
        {
            await using var db = await _app.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(ct);
            if (await db.Set<OutboxMessage>().AnyAsync(m => m.Template == template && m.Status == OutboxStatus.Sent, ct))
            {
                return;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"No {template} message was delivered.");
    }
}
