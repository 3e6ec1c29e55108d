using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

/// <summary>A facilitator posts to the news room; the projector and the phone board show it as it arrives; the proceedings keep it.</summary>
public sealed class NewsRoomJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task A_facilitator_posts_news_and_the_projector_and_the_phone_board_show_it_without_reloading()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var projector = await NewPageAsync();
        await projector.SetViewportSizeAsync(1280, 720);
        await projector.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/board/projector"));
        var phone = await NewPageAsync(phone: true);
        await phone.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/board"));
        await Assertions.Expect(phone.Locator("[data-board-listening]")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.GetByTestId("news-feed")).ToHaveCountAsync(0);

        var facilitator = await NewPageAsync();
        await seed.SignInAsync(facilitator, App);
        await facilitator.GotoInteractiveAsync(App.Url($"/organiser/events/{seed.EventId}/board"));

        // Nothing typed: the GOV.UK error summary, and the page title says so.
        await facilitator.GetByTestId("news-post").ClickAsync();
        await Assertions.Expect(facilitator.GetByTestId("news-error-summary")).ToContainTextAsync("There is a problem");
        await Assertions.Expect(facilitator.GetByTestId("news-error-summary")).ToContainTextAsync("Enter the announcement");
        await Assertions.Expect(facilitator).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await facilitator.ShouldHaveNoAxeViolationsAsync();

        await facilitator.GetByLabel("Announcement").FillAsync("Lunch is served in the foyer. <b>Soup</b> and *sandwiches*");
        await facilitator.GetByTestId("news-post").ClickAsync();
        await Assertions.Expect(facilitator.GetByTestId("board-message")).ToContainTextAsync("Posted “Lunch is served in the foyer.");
        await Assertions.Expect(facilitator.GetByTestId("news-desk-list")).ToContainTextAsync("Lunch is served in the foyer.");
        await Assertions.Expect(facilitator.GetByTestId("news-error-summary")).ToHaveCountAsync(0);
        await facilitator.ShouldHaveNoAxeViolationsAsync();

        // Plain text as typed, never markup, on the projector and the phone board, neither reloaded.
        await Assertions.Expect(projector.GetByTestId("news-item")).ToContainTextAsync("Lunch is served in the foyer. <b>Soup</b> and *sandwiches*");
        await Assertions.Expect(phone.GetByTestId("news-item")).ToContainTextAsync("Lunch is served in the foyer. <b>Soup</b> and *sandwiches*");
        (await projector.Locator(".news-feed b, .news-feed em").CountAsync()).ShouldBe(0);

        await facilitator.GetByLabel("Announcement").FillAsync("Room B has moved to the library on the first floor, up the main stairs or in the lift beside the café; the afternoon sessions there start ten minutes late while the chairs are moved across");
        await facilitator.GetByTestId("news-post").ClickAsync();
        await Assertions.Expect(projector.GetByTestId("news-item")).ToHaveCountAsync(2);
        await Assertions.Expect(projector.GetByTestId("news-item").First).ToContainTextAsync("Room B has moved");
        (await ProjectorJourney.FitAsync(projector)).ShouldBe([1280, 720, 1280, 720, 0]);
        await projector.ShouldHaveNoAxeViolationsAsync();
        await Assertions.Expect(phone.GetByTestId("news-item").First).ToContainTextAsync("Room B has moved");
        await phone.ShouldHaveNoAxeViolationsAsync();

        // The proceedings keep the news.
        var book = await NewPageAsync();
        await seed.SignInAsync(book, App);
        await book.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/proceedings"));
        await Assertions.Expect(book.GetByTestId("news-feed")).ToContainTextAsync("Lunch is served in the foyer.");
        await book.ShouldHaveNoAxeViolationsAsync();

        // Taken down: gone from the projector as well.
        await facilitator.GetByTestId("news-take-down").Last.ClickAsync();
        await Assertions.Expect(facilitator.GetByTestId("board-message")).ToContainTextAsync("Took down “Lunch is served in the foyer.");
        await Assertions.Expect(projector.GetByTestId("news-item")).ToHaveCountAsync(1);
        await Assertions.Expect(projector.GetByTestId("news-item")).Not.ToContainTextAsync("Lunch");
    }
}
