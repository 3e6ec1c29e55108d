using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Proceedings;

/// <summary>Upload quotas per session and per notes link, and the per-event switch that holds linked material for approval.</summary>
public sealed class MaterialApprovalTests
{
    [Fact]
    public async Task A_session_holds_at_most_its_file_quota_and_the_refusal_says_the_limit()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        (await f.Materials.SetFileQuotasAsync(Actors.Organiser, f.EventId, "2", "10")).Succeeded.ShouldBeTrue();
        var organiser = EditorKey.ForOrganiser(Actors.Organiser, f.SessionId);

        (await f.Materials.UploadAsync(f.Key, "one.pdf", Files.Pdf())).Succeeded.ShouldBeTrue();
        (await f.Materials.UploadAsync(organiser, "two.pdf", Files.Pdf())).Succeeded.ShouldBeTrue();
        var third = await f.Materials.UploadAsync(organiser, "three.pdf", Files.Pdf());
        var link = await f.Materials.AddLinkAsync(f.Key, "Blog post", "https://example.org/post");

        third.ErrorFor("File").ShouldBe("This session already has 2 files, the most one session may have. Ask the organisers to remove one or raise the limit");
        third.ErrorCode.ShouldBe(ProceedingsErrors.SessionFullCode);
        link.Succeeded.ShouldBeTrue("links to elsewhere are not files");
        await using var db = f.Database.CreateDbContext();
        (await db.Set<Material>().CountAsync(m => m.Kind == MaterialKind.File)).ShouldBe(2);
        Directory.GetFiles(f.Store.Folder).Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_notes_link_adds_at_most_its_quota_while_another_link_to_the_same_session_still_may()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        (await f.Materials.SetFileQuotasAsync(Actors.Organiser, f.EventId, "20", "1")).Succeeded.ShouldBeTrue();
        var second = EditorKey.ForToken((await f.Notes.CreateLinkAsync(Actors.Organiser, f.SessionId)).Value!, "Note taker");

        (await f.Materials.UploadAsync(f.Key, "one.pdf", Files.Pdf())).Succeeded.ShouldBeTrue();
        var again = await f.Materials.UploadAsync(f.Key, "two.pdf", Files.Pdf());
        var other = await f.Materials.UploadAsync(second, "three.pdf", Files.Pdf());

        again.ErrorFor("File").ShouldBe("You have added 1 file with this notes link, the most one link may add. Ask the organisers if you need to add more");
        ProceedingsErrors.UploadRefusal(again.ErrorCode, 0, 20, 1)!.Message.ShouldBe(again.Message);
        other.Succeeded.ShouldBeTrue(other.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Uploads_at_the_same_moment_never_go_over_the_session_or_link_quota(bool throughOneLink)
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        (await f.Materials.SetFileQuotasAsync(Actors.Organiser, f.EventId, throughOneLink ? "20" : "3", throughOneLink ? "3" : "10")).Succeeded.ShouldBeTrue();
        var key = throughOneLink ? f.Key : EditorKey.ForOrganiser(Actors.Organiser, f.SessionId);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each with its own context, released together, as twelve browsers posting at once.
        var uploads = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await f.Materials.UploadAsync(key, $"slides-{i}.pdf", Files.Pdf(20_000), ct: TestContext.Current.CancellationToken);
        })).ToList();
        go.SetResult();
        var outcomes = await Task.WhenAll(uploads);

        outcomes.Count(o => o.Succeeded).ShouldBe(3);
        outcomes.Where(o => !o.Succeeded).Select(o => o.ErrorCode).Distinct()
            .ShouldBe([throughOneLink ? ProceedingsErrors.LinkFullCode : ProceedingsErrors.SessionFullCode]);
        await using var db = f.Database.CreateDbContext();
        (await db.Set<Material>().CountAsync(m => m.Kind == MaterialKind.File)).ShouldBe(3);
        Directory.GetFiles(f.Store.Folder).Length.ShouldBe(3, "a refused upload leaves no file behind");
    }

    [Theory]
    [InlineData("0", "5")]
    [InlineData("101", "5")]
    [InlineData("5", "")]
    [InlineData("5", "2.5")]
    public async Task File_quotas_outside_1_to_100_are_refused_at_their_field_and_change_nothing(string perSession, string perLink)
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        var outcome = await f.Materials.SetFileQuotasAsync(Actors.Organiser, f.EventId, perSession, perLink);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.ShouldHaveSingleItem().Field.ShouldBe(perSession == "5" ? "MaxFilesPerLink" : "MaxFilesPerSession");
        var settings = (await f.Proceedings.GetSettingsAsync(Actors.Organiser, f.EventId))!;
        (settings.FilesPerSession, settings.FilesPerLink).ShouldBe((ProceedingsSettings.DefaultMaxFilesPerSession, ProceedingsSettings.DefaultMaxFilesPerLink));
    }

    [Fact]
    public async Task With_approval_on_linked_material_is_invisible_publicly_until_approved_and_an_organisers_own_upload_is_not_held()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        (await f.Materials.SetApproveMaterialsAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();
        (await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();

        var held = (await f.Materials.UploadAsync(f.Key, "bus-slides.pdf", Files.Pdf(), "Bus slides")).Value!;
        var heldLink = (await f.Materials.AddLinkAsync(f.Key, "Bus blog", "https://example.org/bus")).Value!;
        var own = (await f.Materials.UploadAsync(EditorKey.ForOrganiser(Actors.Organiser, f.SessionId), "welcome.pdf", Files.Pdf(), "Welcome")).Value!;

        held.AwaitingApproval.ShouldBeTrue();
        heldLink.AwaitingApproval.ShouldBeTrue();
        own.AwaitingApproval.ShouldBeFalse();
        (await PublicTitlesAsync(f)).ShouldBe(["Welcome"]);
        (await f.Materials.GetDownloadAsync(Actor.Anonymous, held.Id)).ShouldBeNull();
        (await f.Materials.GetDownloadAsync(Actors.Organiser, held.Id)).ShouldNotBeNull();
        (await f.Proceedings.SearchArchiveAsync("bus")).Items.Single().MaterialCount.ShouldBe(1);
        (await f.Proceedings.PastEditionsAsync("open-data-day")).Single().MaterialCount.ShouldBe(1);
        (await f.Notes.GetAsync(f.Key))!.Materials.Single(m => m.Id == held.Id).AwaitingApproval.ShouldBeTrue();
        (await f.Materials.ListForEventAsync(Actors.Organiser, f.EventId)).Where(m => m.AwaitingApproval).Select(m => m.Title).ShouldBe(["Bus slides", "Bus blog"]);

        (await f.Materials.ReviewAsync(Actors.Organiser, held.Id, approve: true)).Succeeded.ShouldBeTrue();
        (await f.Materials.ReviewAsync(Actors.Organiser, heldLink.Id, approve: false)).Succeeded.ShouldBeTrue();

        (await PublicTitlesAsync(f)).ShouldBe(["Bus slides", "Welcome"]);
        (await f.Materials.GetDownloadAsync(Actor.Anonymous, held.Id)).ShouldNotBeNull();
        (await f.Materials.ListForEventAsync(Actors.Organiser, f.EventId)).ShouldNotContain(m => m.Id == heldLink.Id);
    }

    [Fact]
    public async Task Turning_approval_off_keeps_held_material_hidden_until_an_organiser_approves_it_all_in_one_step()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await Teams.JoinEventAsync(f.Database, Actors.Door, f.EventId, TeamRole.Door);
        (await f.Materials.SetApproveMaterialsAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();
        (await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();
        var held = (await f.Materials.UploadAsync(f.Key, "bus-slides.pdf", Files.Pdf(), "Bus slides")).Value!;
        (await f.Materials.AddLinkAsync(f.Key, "Bus blog", "https://example.org/bus")).Value!.AwaitingApproval.ShouldBeTrue();

        (await f.Materials.SetApproveMaterialsAsync(Actors.Organiser, f.EventId, false)).Succeeded.ShouldBeTrue();
        (await f.Materials.UploadAsync(f.Key, "map.pdf", Files.Pdf(), "Bus map")).Value!.AwaitingApproval.ShouldBeFalse("new material shows at once");

        (await PublicTitlesAsync(f)).ShouldBe(["Bus map"], "what was held is not published by turning approval off");
        (await f.Materials.GetDownloadAsync(Actor.Anonymous, held.Id)).ShouldBeNull();
        (await f.Materials.ListForEventAsync(Actors.Organiser, f.EventId)).Where(m => m.AwaitingApproval).Select(m => m.Title).ShouldBe(["Bus slides", "Bus blog"]);
        (await f.Materials.ApproveAllWaitingAsync(Actors.Door, f.EventId)).Message.ShouldBe(EventErrors.RoleDoesNotAllow.Message);
        (await f.Materials.ApproveAllWaitingAsync(Actors.Stranger, f.EventId)).Succeeded.ShouldBeFalse();
        (await PublicTitlesAsync(f)).ShouldBe(["Bus map"]);

        (await f.Materials.ApproveAllWaitingAsync(Actors.Organiser, f.EventId)).Value.ShouldBe(2);

        (await PublicTitlesAsync(f)).ShouldBe(["Bus blog", "Bus map", "Bus slides"]);
        (await f.Materials.GetDownloadAsync(Actor.Anonymous, held.Id)).ShouldNotBeNull();
        (await f.Materials.ApproveAllWaitingAsync(Actors.Organiser, f.EventId)).Value.ShouldBe(0);
    }

    [Fact]
    public async Task Rejecting_held_material_deletes_its_file_and_the_door_team_may_neither_review_nor_switch_approval()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await Teams.JoinEventAsync(f.Database, Actors.Door, f.EventId, TeamRole.Door);
        (await f.Materials.SetApproveMaterialsAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();
        var held = (await f.Materials.UploadAsync(f.Key, "slides.pdf", Files.Pdf())).Value!;

        var doorReview = await f.Materials.ReviewAsync(Actors.Door, held.Id, approve: true);
        var doorSwitch = await f.Materials.SetApproveMaterialsAsync(Actors.Door, f.EventId, false);
        var stranger = await f.Materials.ReviewAsync(Actors.Stranger, held.Id, approve: true);

        doorReview.Message.ShouldBe(EventErrors.RoleDoesNotAllow.Message);
        doorSwitch.Message.ShouldBe(EventErrors.RoleDoesNotAllow.Message);
        stranger.IsNotFound.ShouldBeTrue();
        (await f.Materials.ListForEventAsync(Actors.Organiser, f.EventId)).Single().AwaitingApproval.ShouldBeTrue();

        (await f.Materials.ReviewAsync(Actors.Organiser, held.Id, approve: false)).Succeeded.ShouldBeTrue();

        (await f.Materials.ListForEventAsync(Actors.Organiser, f.EventId)).ShouldBeEmpty();
        Directory.GetFiles(f.Store.Folder).ShouldBeEmpty();
    }

    private static async Task<string[]> PublicTitlesAsync(ProceedingsFixture f) =>
        [.. (await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug))!.Sessions.SelectMany(s => s.Materials).Select(m => m.Title).Order(StringComparer.Ordinal)];
}
