using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

/// <summary>The phone board with JavaScript off: the board as of page load, and "I'd like to go" as a plain form.</summary>
public sealed class PlainPhoneBoardJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Without_javascript_a_visitor_reads_the_board_and_marks_interest_in_a_session()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var proposal = (await App.Service<PitchQueueService>().ProposeAsync(seed.EventId, new ProposalInput("Bins and bots", "Cat Convener"), "Cat Convener")).Value!;
        var sessionId = (await App.Service<SessionPlacementService>().PlaceAsync(Actor.System, proposal.Id, seed.RoomId, seed.SlotId)).Value!.SessionId;

        var phone = await NewPageAsync(phone: true, javaScript: false);
        await phone.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/board"));
        await Assertions.Expect(phone.GetByTestId("phone-session")).ToContainTextAsync("Bins and bots");
        await phone.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await phone.GetByTestId("interest-open").ClickAsync();
        await phone.GetByLabel("Your name").FillAsync("Ivy Interested");
        await phone.GetByTestId("interest-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("error-summary")).ToContainTextAsync("There is a problem");
        await Assertions.Expect(phone.GetByLabel("Your name")).ToHaveValueAsync("Ivy Interested");
        await phone.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await phone.GetByLabel("Your email address").FillAsync("ivy@devon.gov.uk");
        await phone.GetByTestId("interest-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("interest-message")).ToContainTextAsync("You are down as interested in “Bins and bots”");
        await Assertions.Expect(phone.GetByTestId("phone-session")).ToContainTextAsync("1 interested");
        await phone.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await App.Service<BoardLayoutService>().GetBoardAsync(Actor.Anonymous, seed.EventId))!.Cells.Single(c => c.SessionId == sessionId).InterestCount.ShouldBe(1);
    }
}
