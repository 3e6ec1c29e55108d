using Bunit;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Proceedings;
using EventHub.Web.Tests.OpenSpace;

namespace EventHub.Web.Tests.Proceedings;

/// <summary>A past event's public page links to its proceedings, slides and write-ups: only what is published and approved.</summary>
public sealed class AfterTheEventTests : BoardContext
{
    private static MemoryStream Pdf() => new([.. "%PDF-1.7\n"u8.ToArray(), .. new byte[200], .. "\n%%EOF"u8.ToArray()]);

    [Fact]
    public async Task Once_published_a_past_event_links_its_proceedings_approved_slides_and_write_ups_and_nothing_held_back()
    {
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput("Open data in councils", "Ola"), "Ola")).Value!;
        var sessionId = (await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
        var materials = Services.GetService<MaterialService>()!;
        var proceedings = Services.GetService<ProceedingsService>()!;
        var writeUpService = Services.GetService<WriteUpService>()!;
        var key = EditorKey.ForToken((await Services.GetService<NotesService>()!.CreateLinkAsync(Actors.Organiser, sessionId)).Value!, "Ola");
        var shown = (await materials.UploadAsync(key, "slides.pdf", Pdf(), "Council slides")).Value!;
        (await materials.SetApproveMaterialsAsync(Actors.Organiser, EventId, true)).Succeeded.ShouldBeTrue();
        (await materials.UploadAsync(key, "draft.pdf", Pdf(), "Held draft")).Value!.AwaitingApproval.ShouldBeTrue();
        var hidden = (await materials.AddLinkAsync(EditorKey.ForOrganiser(Actors.Organiser, sessionId), "Hidden link", "https://example.org/hidden")).Value!;
        (await materials.SetHiddenAsync(Actors.Organiser, hidden.Id, true)).Succeeded.ShouldBeTrue();
        var approved = (await writeUpService.SubmitWriteUpAsync(Slug, sessionId, new WriteUpInput("Ann Author", "We agreed.", null))).Value!;
        (await writeUpService.ModerateWriteUpAsync(Actors.Organiser, approved.Id, approve: true)).Succeeded.ShouldBeTrue();
        (await writeUpService.SubmitWriteUpAsync(Slug, sessionId, new WriteUpInput("Pat Pending", "Not yet.", null))).Succeeded.ShouldBeTrue();

        Render<AfterTheEvent>(p => p.Add(x => x.Slug, Slug).Add(x => x.IsPast, true)).FindAll("[data-testid=after-the-event]")
            .ShouldBeEmpty("unpublished proceedings are not linked");

        (await proceedings.SetPublishedAsync(Actors.Organiser, EventId, true)).Succeeded.ShouldBeTrue();
        var part = Render<AfterTheEvent>(p => p.Add(x => x.Slug, Slug).Add(x => x.IsPast, true));

        part.Find("[data-testid=after-proceedings-link]").GetAttribute("href").ShouldBe($"/events/{Slug}/proceedings");
        var slides = part.Find("[data-testid=after-materials]");
        slides.TextContent.ShouldContain("Council slides");
        slides.QuerySelector("a")!.GetAttribute("href").ShouldBe(ProceedingsEndpoints.DownloadUrl(shown.Id));
        slides.TextContent.ShouldNotContain("Held draft");
        slides.TextContent.ShouldNotContain("Hidden link");
        var writeUps = part.Find("[data-testid=after-write-ups]");
        writeUps.TextContent.ShouldContain("Ann Author");
        writeUps.TextContent.ShouldNotContain("Pat Pending");
        writeUps.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/events/{Slug}/sessions/{sessionId}");
    }

    [Fact]
    public async Task Before_the_event_is_over_nothing_is_shown_even_when_published()
    {
        (await Services.GetService<ProceedingsService>()!.SetPublishedAsync(Actors.Organiser, EventId, true)).Succeeded.ShouldBeTrue();

        Render<AfterTheEvent>(p => p.Add(x => x.Slug, Slug).Add(x => x.IsPast, false)).Markup.Trim().ShouldBeEmpty();
        Render<AfterTheEvent>(p => p.Add(x => x.Slug, Slug).Add(x => x.IsPast, true)).Find("[data-testid=after-the-event]");
    }
}
