using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Proceedings;

/// <summary>The notes page's Save button as a plain form with JavaScript off; with it on, the circuit saves in place.</summary>
public sealed class PlainNotesJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Without_javascript_a_note_taker_saves_the_notes_with_the_save_button()
    {
        var token = await NotesTokenAsync();
        var page = await NewPageAsync(phone: true, javaScript: false);
        await page.GotoAsync(App.Url($"/notes/{token}"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Notes: Bus timetables as open data");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        // Names without the consent box: the error summary, with everything typed kept.
        await page.GetByTestId("notes-keypoints").FillAsync("- Publish GTFS every week");
        await page.GetByTestId("notes-participants").FillAsync("Cat, Dee");
        await page.GetByTestId("notes-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("There is a problem");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Notes"));
        await Assertions.Expect(page.GetByTestId("notes-keypoints")).ToHaveValueAsync("- Publish GTFS every week");
        await Assertions.Expect(page.GetByTestId("notes-participants")).ToHaveValueAsync("Cat, Dee");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await page.GetByLabel("Everyone named above agreed to be named").CheckAsync();
        await page.GetByTestId("notes-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notes-message")).ToHaveTextAsync("Your notes are saved.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("\\?saved=1$"));
        await Assertions.Expect(page.GetByTestId("notes-keypoints")).ToHaveValueAsync("- Publish GTFS every week");
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved at");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        var saved = (await App.Service<NotesService>().GetAsync(EditorKey.ForToken(token)))!;
        (saved.KeyPoints, saved.Participants).ShouldBe(("- Publish GTFS every week", "Cat, Dee"));
    }

    [Fact]
    public async Task With_javascript_on_the_save_button_saves_through_the_circuit_without_leaving_the_page()
    {
        var token = await NotesTokenAsync();
        var page = await NewPageAsync();
        await page.GotoInteractiveAsync(App.Url($"/notes/{token}"));
        await page.WaitForInteractiveAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByTestId("notes-actions").FillAsync("Dee writes to the operators");
        await page.GetByTestId("notes-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved at");
        await Assertions.Expect(page).ToHaveURLAsync(App.Url($"/notes/{token}"));
        await page.ShouldHaveNoAxeViolationsAsync();
        (await App.Service<NotesService>().GetAsync(EditorKey.ForToken(token)))!.Actions.ShouldBe("Dee writes to the operators");
    }

    private async Task<string> NotesTokenAsync()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var proposal = (await App.Service<PitchQueueService>().ProposeAsync(seed.EventId, new ProposalInput("Bus timetables as open data", "Cat Convener"), "Cat Convener")).Value!;
        var sessionId = (await App.Service<SessionPlacementService>().PlaceAsync(Actor.System, proposal.Id, seed.RoomId, seed.SlotId)).Value!.SessionId;
        return (await App.Service<NotesService>().GetEditTokenAsync(Actor.System, sessionId)).Value!;
    }
}
