using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Email;

public sealed class OutgoingMailJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task A_visitor_books_and_the_organiser_finds_the_confirmation_on_the_outgoing_mail_page()
    {
        // The address is unique: the outgoing mail page lists every event's mail in the shared database.
        var ann = $"ann-{Guid.NewGuid():N}@devon.gov.uk";
        var events = App.Service<EventService>();
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
        var visitor = await NewPageAsync(phone: true);
        await visitor.GotoInteractiveAsync(App.Url($"/events/{slug}/book"));
        await visitor.ShouldHaveNoAxeViolationsAsync();
        await visitor.FillFieldAsync("Name", "Ann Example");
        await visitor.FillFieldAsync("Email", ann);
        await visitor.FillFieldAsync("Organisation", "Devon County Council");
        await visitor.GetByTestId("PrivacyConsent").CheckAsync();
        await visitor.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("check-answers")).ToContainTextAsync(ann);
        await visitor.ShouldHaveNoAxeViolationsAsync();
        await visitor.GetByTestId("confirm-booking").ClickAsync();
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Check your email");
        await visitor.ShouldHaveNoAxeViolationsAsync();
        await WaitUntilSentAsync(BookingTemplates.BookingConfirmed, ann);

        // The organiser signs in and finds it.
        var (organiser, _) = await SignedInPageAsync("Ada Admin");
        await organiser.GotoInteractiveAsync(App.Url("/organiser/mail"));
        var row = organiser.Locator("tr").Filter(new() { HasText = ann });
        await Assertions.Expect(row.GetByTestId("mail-row-status")).ToContainTextAsync("Sent");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        await row.GetByTestId("mail-view").ClickAsync();

        await Assertions.Expect(organiser).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/organiser/mail/\d+$"));
        await Assertions.Expect(organiser.GetByTestId("preview-subject")).ToHaveTextAsync("Your place at Plain English Clinic is confirmed");
        await Assertions.Expect(organiser.GetByTestId("preview-to")).ToContainTextAsync(ann);
        await Assertions.Expect(organiser.GetByTestId("preview-text")).ToContainTextAsync("/manage/");
        await organiser.ShouldHaveNoAxeViolationsAsync();
    }

    private async Task WaitUntilSentAsync(string template, string to)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 200; i++)
        {
            await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(ct);
            if (await db.Set<OutboxMessage>().AnyAsync(m => m.Template == template && m.ToEmail == to && m.Status == OutboxStatus.Sent, ct))
            {
                return;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"No {template} message was delivered.");
    }
}
