using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Proceedings;

/// <summary>
/// Notes that survive a lost signal: typed while offline they stay in the browser, the page says so, and they are saved
/// when the connection returns; a save by someone else in between is warned about, not overwritten.
/// </summary>
public sealed class OfflineNotesJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_convener_keeps_typing_offline_and_the_notes_are_saved_when_the_connection_returns()
    {
        var notes = await NotesSeed.CreateAsync(App);
        var page = await NewPageAsync(phone: true);
        await page.GotoInteractiveAsync(App.Url(notes.Page));
        await page.GetByTestId("notes-keypoints").FillAsync("- Publish GTFS every week");
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved at", Patiently);

        await page.Context.SetOfflineAsync(true);
        await page.GetByTestId("notes-keypoints").FillAsync("- Publish GTFS every week\n- Realtime feeds next");
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Offline — saved on this device", new() { Timeout = 10_000 });
        await page.ShouldHaveNoAxeViolationsAsync();
        (await DraftAsync(page, notes) ?? string.Empty).ShouldContain("Realtime feeds next");
        (await notes.ReadAsync(App))!.KeyPoints.ShouldBe("- Publish GTFS every week");

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved at", Patiently);
        (await notes.ReadAsync(App))!.KeyPoints.ShouldBe("- Publish GTFS every week\n- Realtime feeds next");
        (await DraftAsync(page, notes)).ShouldBeNull();
    }

    [Fact]
    public async Task A_draft_left_by_a_page_closed_offline_is_restored_and_saved_on_the_next_visit()
    {
        var (notes, page) = await TypedOfflineAsync("notes-actions", "Dee writes to the operators");
        await page.CloseAsync();

        await Task.Delay(200, Ct);
        var later = await page.Context.NewPageAsync();
        await page.Context.SetOfflineAsync(false);
        await later.GotoInteractiveAsync(App.Url(notes.Page));

        await Assertions.Expect(later.GetByTestId("save-status")).ToContainTextAsync("Saved at", Patiently);
        await Assertions.Expect(later.GetByTestId("notes-actions")).ToHaveValueAsync("Dee writes to the operators");
        (await notes.ReadAsync(App))!.Actions.ShouldBe("Dee writes to the operators");
        (await DraftAsync(later, notes)).ShouldBeNull();
    }

    [Fact]
    public async Task Coming_back_online_after_someone_else_saved_warns_instead_of_overwriting_until_the_writer_chooses()
    {
        var (notes, page) = await TypedOfflineAsync("notes-keypoints", "Mine, typed in the basement");

        // Someone else saves from another device meanwhile.
        (await App.Service<NotesService>().SaveNotesAsync(EditorKey.ForToken(notes.Token), new NotesInput { KeyPoints = "Theirs, typed upstairs", BaseRevision = 0 }, Ct))
            .Succeeded.ShouldBeTrue();
        await page.Context.SetOfflineAsync(false);

        await Assertions.Expect(page.GetByTestId("notes-conflict")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("notes-conflict")).ToContainTextAsync(ProceedingsErrors.Stale.Message);
        await page.ShouldHaveNoAxeViolationsAsync();
        (await notes.ReadAsync(App))!.KeyPoints.ShouldBe("Theirs, typed upstairs");
        (await DraftAsync(page, notes) ?? string.Empty).ShouldContain("basement");

        await page.GetByTestId("notes-overwrite").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved at", Patiently);
        await Assertions.Expect(page.GetByTestId("notes-conflict")).ToBeHiddenAsync();
        (await notes.ReadAsync(App))!.KeyPoints.ShouldBe("Mine, typed in the basement");
        (await DraftAsync(page, notes)).ShouldBeNull();
    }

    /// <summary>A new notes page, opened online, then the connection drops and the convener types into one field.</summary>
    private async Task<(NotesSeed Notes, IPage Page)> TypedOfflineAsync(string field, string text)
    {
        var notes = await NotesSeed.CreateAsync(App);
        var page = await NewPageAsync();
        await page.GotoInteractiveAsync(App.Url(notes.Page));
        await page.Context.SetOfflineAsync(true);
        await page.GetByTestId(field).FillAsync(text);
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Offline — saved on this device");
        return (notes, page);
    }

    /// <summary>The draft kept in the browser for this session (keyed by the session, not the link).</summary>
    private static Task<string?> DraftAsync(IPage page, NotesSeed notes) =>
        page.EvaluateAsync<string?>("key => window.localStorage.getItem(key)", $"eventhub-notes-{notes.SessionId}");
}
