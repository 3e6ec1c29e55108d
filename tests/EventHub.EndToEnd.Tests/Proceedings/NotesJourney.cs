using EventHub.Core.Common;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Proceedings;

public sealed class NotesJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{

    [Fact]
    public async Task A_convener_types_notes_reloads_finds_them_uploads_a_pdf_and_the_proceedings_show_both()
    {
        var notes = await NotesSeed.CreateAsync(App);
        var seed = notes.Event;
        var token = notes.Token;

        var page = await NewPageAsync();
        await page.GotoInteractiveAsync(App.Url($"/notes/{token}"));
        await page.ShouldHaveNoAxeViolationsAsync();

        // Autosave: type, wait for the status line, reload, and the words are still there.
        await page.GetByTestId("notes-keypoints").FillAsync("- Publish GTFS every week\n- Ask operators for **realtime** feeds");
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved at", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
        await page.ReloadAsync();
        await page.WaitForReadyAsync();
        await Assertions.Expect(page.GetByTestId("notes-keypoints")).ToHaveValueAsync("- Publish GTFS every week\n- Ask operators for **realtime** feeds");
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("Saved at");

        // A hostile file is refused with a clear message; a real PDF is accepted.
        await page.GetByTestId("upload-file").SetInputFilesAsync(new FilePayload { Name = "slides.pdf", MimeType = "application/pdf", Buffer = [.. "MZ"u8.ToArray(), .. new byte[100]] });
        await page.GetByTestId("upload-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("The selected file must be a PDF, PPTX, ODP, DOCX, PNG or JPEG");
        await page.ShouldHaveNoAxeViolationsAsync();
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        await page.GetByTestId("upload-file").SetInputFilesAsync(new FilePayload { Name = "Timetable slides.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByTestId("upload-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("materials")).ToContainTextAsync("Timetable slides.pdf");

        // Published proceedings show the notes, and the PDF downloads with its name.
        (await App.Service<ProceedingsService>().SetPublishedAsync(Actor.System, seed.EventId, true)).Succeeded.ShouldBeTrue();
        var reader = await NewPageAsync();
        await reader.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/proceedings"));
        await Assertions.Expect(reader.GetByTestId("proceedings")).ToContainTextAsync("Publish GTFS every week");
        await Assertions.Expect(reader.GetByTestId("proceedings")).ToContainTextAsync("Contents");
        await reader.ShouldHaveNoAxeViolationsAsync();
        var download = await reader.RunAndWaitForDownloadAsync(() => reader.GetByTestId("proceedings").GetByText("Timetable slides", new() { Exact = true }).ClickAsync());
        download.SuggestedFilename.ShouldBe("Timetable slides.pdf");
        var path = await download.PathAsync();
        (await File.ReadAllBytesAsync(path!)).ShouldBe(pdf);

        // The whole book also downloads as one Markdown file named after the event.
        var book = await reader.RunAndWaitForDownloadAsync(() => reader.GetByTestId("proceedings-markdown").ClickAsync());
        book.SuggestedFilename.ShouldBe($"{seed.Slug}-proceedings.md");
        (await File.ReadAllTextAsync((await book.PathAsync())!)).ShouldContain("Publish GTFS every week");
    }

    [Fact]
    public async Task The_archive_search_page_finds_nothing_for_an_unknown_word_and_passes_axe()
    {
        var page = await NewPageAsync(phone: true);
        await page.GotoInteractiveAsync(App.Url("/archive?q=knitting"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("0 sessions found");
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
