using System.Text.RegularExpressions;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Proceedings;

/// <summary>
/// The notes page is a static page of plain forms: with JavaScript off every part works (save, hide the name, add a
/// link, upload); with it on, the notes save as they are typed and the upload goes through the script, with no circuit.
/// </summary>
public sealed class PlainNotesJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    [Fact]
    public async Task Without_javascript_a_note_taker_saves_hides_the_name_adds_a_link_and_uploads_slides()
    {
        var notes = await NotesSeed.CreateAsync(App);
        var page = await NewPageAsync(phone: true, javaScript: false);
        await page.GotoAsync(App.Url(notes.Page));
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
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("\\?done=saved$"));
        await Assertions.Expect(page.GetByTestId("notes-keypoints")).ToHaveValueAsync("- Publish GTFS every week");
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved at");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        var saved = (await notes.ReadAsync(App))!;
        (saved.KeyPoints, saved.Participants).ShouldBe(("- Publish GTFS every week", "Cat, Dee"));

        // The convener's name out of the proceedings.
        await page.GetByLabel("Leave the convener’s name out of the published proceedings").CheckAsync();
        await page.GetByTestId("save-hide-name").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notes-message")).ToHaveTextAsync("The convener’s name will be left out of the published proceedings.");
        await Assertions.Expect(page.GetByTestId("notes-hide-name")).ToBeCheckedAsync();
        (await notes.ReadAsync(App))!.HideConvenerName.ShouldBeTrue();

        // A link: a bad address is refused with the title kept, then added.
        await page.GetByTestId("link-Title").FillAsync("GTFS reference");
        await page.GetByTestId("link-Url").FillAsync("javascript:alert(1)");
        await page.GetByTestId("add-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter a web address starting with https:// or http://");
        await Assertions.Expect(page.GetByTestId("link-Title")).ToHaveValueAsync("GTFS reference");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("link-Url").FillAsync("https://gtfs.org/documentation/schedule/reference/");
        await page.GetByTestId("add-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notes-message")).ToHaveTextAsync("The link is added.");
        await Assertions.Expect(page.GetByTestId("materials")).ToContainTextAsync("GTFS reference");

        // Uploads post to their own endpoint: a disguised file is refused with the catalogue's words, a PDF is kept.
        await page.GetByTestId("upload-file").SetInputFilesAsync(new FilePayload { Name = "slides.pdf", MimeType = "application/pdf", Buffer = [.. "MZ"u8.ToArray(), .. new byte[100]] });
        await page.GetByTestId("upload-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("The selected file must be a PDF, PPTX, ODP, DOCX, PNG or JPEG");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Notes"));
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("upload-file").SetInputFilesAsync(new FilePayload { Name = "Timetable slides.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByTestId("upload-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notes-message")).ToHaveTextAsync("The file is uploaded.");
        await Assertions.Expect(page.GetByTestId("materials")).ToContainTextAsync("Timetable slides.pdf");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
    }

    [Fact]
    public async Task With_javascript_on_the_notes_save_as_they_are_typed_and_the_upload_goes_through_the_script_without_a_circuit()
    {
        var notes = await NotesSeed.CreateAsync(App);
        var page = await NewPageAsync(phone: true);
        var traffic = page.RecordBlazorTraffic();
        var uploads = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/materials", StringComparison.Ordinal))
            {
                uploads.Add(request.ResourceType);
            }
        };
        await page.GotoInteractiveAsync(App.Url(notes.Page));
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Not edited yet");
        await page.ShouldHaveNoAxeViolationsAsync();

        // Typing is enough: the script saves a moment later, in place.
        await page.GetByTestId("notes-actions").FillAsync("Dee writes to the operators");
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved at", new() { Timeout = 10_000 });
        await Assertions.Expect(page).ToHaveURLAsync(App.Url(notes.Page));
        (await notes.ReadAsync(App))!.Actions.ShouldBe("Dee writes to the operators");

        // The Save button saves at once, still in place.
        await page.GetByTestId("notes-keypoints").FillAsync("- Ask for realtime feeds");
        await page.GetByTestId("notes-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved at");
        await Assertions.Expect(page).ToHaveURLAsync(App.Url(notes.Page));
        (await notes.ReadAsync(App))!.KeyPoints.ShouldBe("- Ask for realtime feeds");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByTestId("upload-file").SetInputFilesAsync(new FilePayload { Name = "Timetable slides.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByTestId("upload-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notes-message")).ToHaveTextAsync("The file is uploaded.");
        await Assertions.Expect(page.GetByTestId("materials")).ToContainTextAsync("Timetable slides.pdf");
        await page.ShouldHaveNoAxeViolationsAsync();

        uploads.ShouldBe(["xhr"]);
        traffic.ShouldBeEmpty();
    }
}
