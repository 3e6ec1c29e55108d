using Bunit;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Proceedings;
using EventHub.Web.Tests.OpenSpace;

namespace EventHub.Web.Tests.Proceedings;

/// <summary>The after-the-day page's list of material waiting for approval, and the switch and quotas that go with it.</summary>
public sealed class MaterialApprovalListTests : BoardContext
{
    private static MemoryStream Pdf() => new([.. "%PDF-1.7\n"u8.ToArray(), .. new byte[200], .. "\n%%EOF"u8.ToArray()]);

    private async Task<EditorKey> LinkKeyAsync(string title)
    {
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput(title, "Ola"), "Ola")).Value!;
        var sessionId = (await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
        return EditorKey.ForToken((await Services.GetService<NotesService>()!.CreateLinkAsync(Actors.Organiser, sessionId)).Value!, "Ola");
    }

    [Fact]
    public async Task Held_material_is_listed_for_approval_and_approving_and_rejecting_say_what_happened()
    {
        var key = await LinkKeyAsync("Open data in councils");
        var materials = Services.GetService<MaterialService>()!;
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=no-materials-awaiting-approval]"));

        page.Find("[data-testid=approve-materials]").Change(true);
        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldBe("Material added with a notes link now waits for approval."));
        (await materials.UploadAsync(key, "keep.pdf", Pdf(), "Keep these slides")).Value!.AwaitingApproval.ShouldBeTrue();
        (await materials.UploadAsync(key, "drop.pdf", Pdf(), "Drop these slides")).Value!.AwaitingApproval.ShouldBeTrue();
        page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.FindAll("[data-testid=material-awaiting-approval]").Count.ShouldBe(2));
        page.Find("[data-testid=approve-materials]").HasAttribute("checked").ShouldBeTrue();

        page.FindAll("[data-testid=material-awaiting-approval]").Single(li => li.TextContent.Contains("Keep these slides", StringComparison.Ordinal))
            .QuerySelector("[data-testid=approve-material]")!.Click();
        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldBe("Approved “Keep these slides”: it now shows publicly."));
        page.Find("[data-testid=material-awaiting-approval]").TextContent.ShouldContain("Drop these slides");

        page.Find("[data-testid=reject-material]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldBe("Rejected “Drop these slides”: it has been removed."));
        page.Find("[data-testid=no-materials-awaiting-approval]");
        (await materials.ListForEventAsync(Actors.Organiser, EventId)).ShouldHaveSingleItem().AwaitingApproval.ShouldBeFalse();
    }

    [Fact]
    public async Task Turning_approval_off_says_what_still_waits_and_approve_all_shows_it()
    {
        var key = await LinkKeyAsync("Open data in councils");
        var materials = Services.GetService<MaterialService>()!;
        (await materials.SetApproveMaterialsAsync(Actors.Organiser, EventId, true)).Succeeded.ShouldBeTrue();
        (await materials.UploadAsync(key, "one.pdf", Pdf(), "First slides")).Value!.AwaitingApproval.ShouldBeTrue();
        (await materials.AddLinkAsync(key, "Blog post", "https://example.org/post")).Value!.AwaitingApproval.ShouldBeTrue();
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.FindAll("[data-testid=material-awaiting-approval]").Count.ShouldBe(2));
        page.FindAll("[data-testid=approval-off-still-waiting]").ShouldBeEmpty();

        page.Find("[data-testid=approve-materials]").Change(false);

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldBe(
            "Material added with a notes link now shows at once. 2 files or links added before still wait for approval: approve or reject them below, or approve them all."));
        page.Find("[data-testid=approval-off-still-waiting]").TextContent.ShouldContain("stay hidden from the public until you approve or reject them");
        page.FindAll("[data-testid=material-awaiting-approval]").Count.ShouldBe(2);

        page.Find("[data-testid=approve-all-materials]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldBe("Approved 2 files and links: they now show publicly."));
        page.Find("[data-testid=no-materials-awaiting-approval]");
        page.FindAll("[data-testid=approval-off-still-waiting]").ShouldBeEmpty();
        (await materials.ListForEventAsync(Actors.Organiser, EventId)).ShouldAllBe(m => !m.AwaitingApproval);
    }

    [Fact]
    public async Task File_quotas_are_saved_from_the_page_and_a_bad_one_is_refused_with_the_input_kept()
    {
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("#MaxFilesPerSession").GetAttribute("value").ShouldBe("20"));

        page.Find("#MaxFilesPerLink").Change("0");
        page.Find("[data-testid=save-file-quotas]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Files per notes link must be a whole number from 1 to 100"));
        page.Find("#MaxFilesPerLink").GetAttribute("value").ShouldBe("0");

        page.Find("#MaxFilesPerSession").Change("4");
        page.Find("#MaxFilesPerLink").Change("2");
        page.Find("[data-testid=save-file-quotas]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldBe("A session can now hold up to 4 files, and one notes link can add up to 2."));
        var settings = (await Services.GetService<ProceedingsService>()!.GetSettingsAsync(Actors.Organiser, EventId))!;
        (settings.FilesPerSession, settings.FilesPerLink).ShouldBe((4, 2));
    }
}
