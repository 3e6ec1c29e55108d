using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Proceedings;

public sealed class WriteUpJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    /// <summary>The author's own link, where sending a write-up lands.</summary>
    private static readonly System.Text.RegularExpressions.Regex LinkAddress = new("/write-ups/[A-Za-z0-9_-]{20,}\\?done=sent$");

    [Fact]
    public async Task A_participant_posts_a_write_up_an_organiser_approves_it_and_it_shows_on_the_session_page_without_its_script()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var queue = App.Service<PitchQueueService>();
        var placement = App.Service<SessionPlacementService>();
        var proposal = (await queue.ProposeAsync(seed.EventId, new ProposalInput("Bus timetables as open data", "Cat Convener"), "Cat Convener")).Value!;
        var sessionId = (await placement.PlaceAsync(Actor.System, proposal.Id, seed.RoomId, seed.SlotId)).Value!.SessionId;

        var page = await NewPageAsync();
        await page.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/sessions/{sessionId}"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bus timetables as open data");
        await Assertions.Expect(page.GetByTestId("no-write-ups")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        // A link that is not http(s) is refused, and what was typed stays.
        await page.GetByTestId("AuthorName").FillAsync("Ann Attendee");
        await page.GetByTestId("Text").FillAsync("We agreed to publish **weekly**.<script>document.title='owned'</script>");
        await page.GetByTestId("Url").FillAsync("javascript:alert(1)");
        await page.GetByTestId("write-up-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter a web address starting with https:// or http://");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Assertions.Expect(page.GetByTestId("AuthorName")).ToHaveValueAsync("Ann Attendee");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByTestId("Url").FillAsync("https://ann.example.org/open-space");
        await page.GetByTestId("write-up-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("write-up-message")).ToContainTextAsync("once an organiser has approved it");
        // Post/Redirect/Get to the author's own link: the page the person lands on is a GET, so a refresh sends nothing again.
        await Assertions.Expect(page).ToHaveURLAsync(LinkAddress);
        await page.ShouldHaveNoAxeViolationsAsync();

        // The organiser approves it on the record page.
        var organiser = await NewPageAsync();
        await seed.SignInAsync(organiser, App);
        await organiser.GotoInteractiveAsync(App.Url($"/organiser/events/{seed.EventId}/record"));
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Approve write-up by Ann Attendee" }).ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("no-write-ups-awaiting-approval")).ToBeVisibleAsync();
        await organiser.ShouldHaveNoAxeViolationsAsync();

        await page.ReloadAsync();
        await page.WaitForReadyAsync();
        // The thank-you follows the write-up as it is now, not the word it was sent with.
        await Assertions.Expect(page.GetByTestId("write-up-message")).ToHaveTextAsync("Thank you. Your write-up is now on the session’s page.");
        await page.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/sessions/{sessionId}"));
        var writeUp = page.GetByTestId("write-up");
        await Assertions.Expect(writeUp).ToContainTextAsync("Ann Attendee");
        await Assertions.Expect(writeUp.Locator("strong", new() { HasText = "weekly" })).ToBeVisibleAsync();
        (await writeUp.Locator("script").CountAsync()).ShouldBe(0);
        (await page.TitleAsync()).ShouldNotBe("owned");
        await Assertions.Expect(writeUp.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "https://ann.example.org/open-space");
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Without_javascript_an_author_asks_to_be_credited_keeps_their_own_link_and_later_withdraws_their_name()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var proposal = (await App.Service<PitchQueueService>().ProposeAsync(seed.EventId, new ProposalInput("Open data for buses", "Cat Convener"), "Cat Convener")).Value!;
        var sessionId = (await App.Service<SessionPlacementService>().PlaceAsync(Actor.System, proposal.Id, seed.RoomId, seed.SlotId)).Value!.SessionId;
        (await App.Service<WriteUpService>().SetTrustContributorsAsync(Actor.System, seed.EventId, true)).Succeeded.ShouldBeTrue();
        var name = "Nia Nojs " + Guid.NewGuid().ToString("N")[..8];

        var page = await NewPageAsync(phone: true, javaScript: false);
        await page.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/sessions/{sessionId}"));
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("AuthorName").FillAsync(name);
        await page.GetByTestId("Url").FillAsync("https://nia.example.org/buses");
        await page.GetByLabel("Credit me by name").CheckAsync();
        await page.GetByTestId("write-up-submit").ClickAsync();

        // The author lands on their own link, which says how they are credited and is the one time it is shown.
        await Assertions.Expect(page).ToHaveURLAsync(LinkAddress);
        await Assertions.Expect(page.GetByTestId("write-up-message")).ToHaveTextAsync("Thank you. Your write-up is now on the session’s page.");
        await Assertions.Expect(page.GetByTestId("write-up-author")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByText("Yes: your name stays in the record")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        var link = page.Url.Split('?')[0];

        // Withdrawing needs the box ticked; the error summary says so and links to it.
        await page.GetByTestId("withdraw-name").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Tick the box to confirm");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByLabel("Yes, replace my name").CheckAsync();
        await page.GetByTestId("withdraw-name").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(link + "?done=withdrawn");
        await Assertions.Expect(page.GetByTestId("write-up-message")).ToHaveTextAsync($"Your name is withdrawn. The write-up now shows “{Credit.Participant}”.");
        await Assertions.Expect(page.GetByTestId("write-up-author")).ToHaveTextAsync(Credit.Participant);
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await page.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/sessions/{sessionId}"));
        var writeUp = page.GetByTestId("write-up");
        await Assertions.Expect(writeUp).ToContainTextAsync(Credit.Participant);
        await Assertions.Expect(writeUp).Not.ToContainTextAsync(name);
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
    }
}
