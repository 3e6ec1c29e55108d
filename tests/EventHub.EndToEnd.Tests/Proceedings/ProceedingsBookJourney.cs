using EventHub.Core.Common;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Proceedings;

/// <summary>The HTML book of proceedings: a heading for each day on screen, and no contents list when printed.</summary>
public sealed class ProceedingsBookJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task The_book_shows_each_day_under_a_heading_and_prints_without_its_contents_list()
    {
        var notes = await NotesSeed.CreateAsync(App, "Bus stops as open data");
        (await App.Service<ProceedingsService>().SetPublishedAsync(Actor.System, notes.Event.EventId, true, Ct)).Succeeded.ShouldBeTrue();
        var book = (await App.Service<ProceedingsService>().GetBookAsync(Actor.Anonymous, notes.Event.Slug, Ct))!;

        var page = await NewPageAsync();
        await page.GotoAsync(App.Url($"/events/{notes.Event.Slug}/proceedings"));
        var day = page.Locator("h2.proceedings-day");
        await Assertions.Expect(day).ToHaveTextAsync(EventTime.FormatDate(book.Sessions[0].StartUtc, book.TimeZoneId));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = "Bus stops as open data" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".proceedings-contents")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".proceedings-contents")).ToBeHiddenAsync();
        await Assertions.Expect(day).ToBeVisibleAsync();
    }
}
