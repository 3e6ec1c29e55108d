using Bunit;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Proceedings;
using EventHub.Web.Tests.OpenSpace;
using Microsoft.AspNetCore.Components.Forms;

namespace EventHub.Web.Tests.Proceedings;

/// <summary>Uploading slides to a session straight from the after-the-day page, without a notes link.</summary>
public sealed class SessionUploadPanelTests : BoardContext
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Repeat((byte)'x', 4000), .. "\n%%EOF"u8.ToArray()];

    private async Task<int> SessionIdAsync(string title)
    {
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput(title, "Ola"), "Ola")).Value!;
        return (await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
    }

    [Fact]
    public async Task An_organiser_uploads_slides_to_a_session_and_the_page_lists_them_and_says_so()
    {
        var sessionId = await SessionIdAsync("Open data in councils");
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=session-upload]"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Pdf, "open-data.pdf", contentType: "application/pdf"));
        page.Find("#upload-Title").Change("Open data slides");
        page.Find("[data-testid=upload-material]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldBe("Uploaded “Open data slides” to “Open data in councils”."));
        page.Find("[data-testid=record-materials]").TextContent.ShouldContain("Open data slides");
        page.FindAll("[data-testid=upload-progress]").ShouldBeEmpty();
        var stored = (await Services.GetService<MaterialService>()!.ListForEventAsync(Actors.Organiser, EventId)).ShouldHaveSingleItem();
        stored.SessionId.ShouldBe(sessionId);
        stored.SizeBytes.ShouldBe(Pdf.Length);
    }

    [Fact]
    public async Task A_file_of_the_wrong_type_is_refused_at_the_file_field_and_nothing_is_stored()
    {
        await SessionIdAsync("Open data in councils");
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=session-upload]"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([(byte)'M', (byte)'Z', .. new byte[300]], "slides.pdf"));
        page.Find("[data-testid=upload-material]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=upload-error-summary]").TextContent.ShouldContain(ProceedingsErrors.WrongType.Message));
        page.Find("[data-testid=upload-error-summary] a").GetAttribute("href")!.ShouldEndWith("#upload-File");
        page.Find("#upload-File-error").TextContent.ShouldContain(ProceedingsErrors.WrongType.Message);
        page.FindAll("[data-testid=record-message]").ShouldBeEmpty();
        (await Services.GetService<MaterialService>()!.ListForEventAsync(Actors.Organiser, EventId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_without_a_file_says_to_select_one()
    {
        await SessionIdAsync("Open data in councils");
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=session-upload]"));

        page.Find("[data-testid=upload-material]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=upload-error-summary]").TextContent.ShouldContain(ProceedingsErrors.NoFile.Message));
    }
}

public sealed class ProgressStreamTests
{
    [Fact]
    public async Task The_progress_stream_reports_the_bytes_read_so_far_and_passes_them_through_unchanged()
    {
        var reports = new List<long>();
        var source = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        await using var stream = new ProgressStream(new MemoryStream(source), reports.Add);
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy, 65536);

        copy.ToArray().ShouldBe(source);
        reports.ShouldBe([65536, 131072, 196608, 200_000]);
    }
}
