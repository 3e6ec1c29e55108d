using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Privacy;

public sealed class PersonalDataJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task An_administrator_finds_a_person_downloads_their_data_and_erases_them_and_the_place_goes_to_the_person_waiting()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var email = $"zq-{unique}@devon.gov.uk";
        var name = "Quentin Zephyrine " + unique;
        var (eventId, quentin, wendy) = await FullEventWithSomeoneWaitingAsync(name, email);
        var (page, _) = await SignedInPageAsync("Ada Administrator");

        await page.GotoInteractiveAsync(App.Url("/organiser/privacy/people"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Find and erase a person's data");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.FillFieldAsync("person-Email", email.ToUpperInvariant());
        await page.GetByTestId("find-person").ClickAsync();
        await Assertions.Expect(page.GetByTestId("held-records")).ToContainTextAsync(name);
        await page.ShouldHaveNoAxeViolationsAsync();

        var json = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-json").ClickAsync());
        (await File.ReadAllTextAsync((await json.PathAsync())!, Ct)).ShouldContain(name);
        json.Url.ShouldNotContain(unique, customMessage: "the address is posted, never put in a URL");
        var html = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-html").ClickAsync());
        (await File.ReadAllTextAsync((await html.PathAsync())!, Ct)).ShouldContain($"<h1>What EventHub holds about {email}</h1>");
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-csv").ClickAsync());
        csv.SuggestedFilename.ShouldEndWith(".csv");
        var rows = await File.ReadAllLinesAsync((await csv.PathAsync())!, Ct);
        rows[0].TrimStart('\uFEFF').ShouldBe("Email,What,Where,When,Detail,Value");
        rows.ShouldContain(r => r.StartsWith(email + ",Booking,", StringComparison.Ordinal) && r.Contains(name, StringComparison.Ordinal));

        await page.GetByTestId("erase-person").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter why these details are being erased");
        await page.FillFieldAsync("person-Reason", "Request by email on 30 November");
        await page.GetByTestId("erase-person").ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("confirm-erase").ClickAsync();
        await Assertions.Expect(page.GetByTestId("privacy-message")).ToContainTextAsync("1 booking anonymised (1 place offered to the waiting list)");
        await Assertions.Expect(page.GetByTestId("nothing-held")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        (await db.Set<Booking>().SingleAsync(b => b.Id == wendy, Ct)).Status.ShouldBe(BookingStatus.Offered);
        var erased = await db.Set<Booking>().SingleAsync(b => b.Id == quentin, Ct);
        (erased.Name, erased.Status).ShouldBe(("Anonymised", BookingStatus.Cancelled));
        (await db.Set<BookingAuditEntry>().AnyAsync(a => a.EventId == eventId && a.Detail.Contains(unique), Ct)).ShouldBeFalse();
    }

    private async Task<(int EventId, int Quentin, int Wendy)> FullEventWithSomeoneWaitingAsync(string name, string email)
    {
        var eventId = await PrivacyEvents.PublishedAsync(App, "Erasure Forum", capacity: 1);
        var quentin = await PrivacyEvents.AddByHandAsync(App, eventId, name, email);
        var wendy = await PrivacyEvents.AddByHandAsync(App, eventId, "Wendy Waiting", $"wendy-{Guid.NewGuid():N}@devon.gov.uk");
        return (eventId, quentin.BookingId, wendy.BookingId);
    }
}
