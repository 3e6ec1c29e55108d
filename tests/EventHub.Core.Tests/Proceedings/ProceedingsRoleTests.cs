using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Proceedings;

/// <summary>After the day is for those who edit the event: each use case finds the event from its session, material or write-up.</summary>
public sealed class ProceedingsRoleTests : IAsyncLifetime
{
    private ProceedingsFixture _f = default!;
    private int _materialId;
    private int _writeUpId;

    public async ValueTask InitializeAsync()
    {
        _f = await ProceedingsFixture.CreateAsync(EventStatus.Draft);
        await Teams.JoinEventAsync(_f.Database, Actors.Door, _f.EventId, TeamRole.Door);
        await Teams.StoreAsync(_f.Database, Actors.Stranger);
        _materialId = (await _f.Materials.UploadAsync(_f.Key, "slides.pdf", Files.Pdf())).Value!.Id;
        _writeUpId = (await _f.WriteUps.SubmitWriteUpAsync(_f.SessionId, new WriteUpInput("Ann", "Good session", null))).Value!.Id;
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task An_organiser_on_none_of_the_teams_is_told_the_session_material_or_write_up_could_not_be_found_and_changes_nothing()
    {
        var outcomes = new[]
        {
            (await _f.Notes.CreateLinkAsync(Actors.Stranger, _f.SessionId)).As<bool>(),
            await _f.Materials.SetHiddenAsync(Actors.Stranger, _materialId, true),
            await _f.Materials.RemoveAsync(Actors.Stranger, _materialId),
            (await _f.WriteUps.ModerateWriteUpAsync(Actors.Stranger, _writeUpId, approve: true)).As<bool>(),
            await _f.Proceedings.SetPublishedAsync(Actors.Stranger, _f.EventId, true),
            await _f.WriteUps.SetTrustContributorsAsync(Actors.Stranger, _f.EventId, true),
            (await _f.Materials.SetUploadLimitAsync(Actors.Stranger, _f.EventId, 4096)).As<bool>(),
            (await _f.Notes.SaveNotesAsync(EditorKey.ForOrganiser(Actors.Stranger, _f.SessionId), new NotesInput { KeyPoints = "Mine now" })).As<bool>(),
        };

        outcomes.ShouldAllBe(o => o.IsNotFound || o.IsForbidden);
        outcomes.Take(7).ShouldAllBe(o => o.IsNotFound);
        (await _f.Notes.GetAsync(EditorKey.ForOrganiser(Actors.Stranger, _f.SessionId))).ShouldBeNull();
        (await _f.Materials.ListForEventAsync(Actors.Stranger, _f.EventId)).ShouldBeEmpty();
        (await _f.Materials.GetDownloadAsync(Actors.Stranger, _materialId)).ShouldBeNull();
        (await _f.WriteUps.PendingWriteUpsAsync(Actors.Stranger, _f.EventId)).ShouldBeEmpty();
        (await _f.Proceedings.GetBookAsync(Actors.Stranger, _f.Slug)).ShouldBeNull();
        (await _f.Proceedings.GetSettingsAsync(Actors.Stranger, _f.EventId)).ShouldBeNull();
        (await _f.WriteUps.PendingWriteUpsAsync(Actors.Organiser, _f.EventId)).ShouldHaveSingleItem();
        (await _f.Materials.ListForEventAsync(Actors.Organiser, _f.EventId)).Single().IsHidden.ShouldBeFalse();
    }

    [Fact]
    public async Task The_door_team_sees_the_event_but_is_told_its_role_does_not_allow_after_the_day()
    {
        var publish = await _f.Proceedings.SetPublishedAsync(Actors.Door, _f.EventId, true);
        var link = await _f.Notes.CreateLinkAsync(Actors.Door, _f.SessionId);
        var hide = await _f.Materials.SetHiddenAsync(Actors.Door, _materialId, true);

        new[] { publish, link.As<bool>(), hide }.ShouldAllBe(o => o.IsForbidden && o.Message == EventErrors.RoleDoesNotAllow.Message);
        (await _f.Proceedings.GetSettingsAsync(Actors.Door, _f.EventId)).ShouldBeNull();
        (await _f.Proceedings.GetSettingsAsync(Actors.Organiser, _f.EventId))!.IsPublished.ShouldBeFalse();
    }

    [Fact]
    public async Task An_editor_uploads_straight_to_a_session_while_the_door_team_and_strangers_are_refused_in_their_roles_words()
    {
        var editor = await _f.Materials.UploadAsync(EditorKey.ForOrganiser(Actors.Organiser, _f.SessionId), "handout.pdf", Files.Pdf(), "Handout");
        var door = await _f.Materials.UploadAsync(EditorKey.ForOrganiser(Actors.Door, _f.SessionId), "door.pdf", Files.Pdf());
        var stranger = await _f.Materials.UploadAsync(EditorKey.ForOrganiser(Actors.Stranger, _f.SessionId), "stranger.pdf", Files.Pdf());
        var missing = await _f.Materials.UploadAsync(EditorKey.ForOrganiser(Actors.Organiser, _f.SessionId + 999), "none.pdf", Files.Pdf());

        editor.Succeeded.ShouldBeTrue(editor.Message);
        editor.Value!.SessionId.ShouldBe(_f.SessionId);
        door.IsForbidden.ShouldBeTrue();
        door.Message.ShouldBe(EventErrors.RoleDoesNotAllow.Message);
        stranger.IsNotFound.ShouldBeTrue();
        stranger.Message.ShouldBe(ProceedingsErrors.SessionNotFound.Message);
        missing.IsNotFound.ShouldBeTrue();
        (await _f.Materials.ListForEventAsync(Actors.Organiser, _f.EventId)).Select(m => m.Title).ShouldBe(["slides", "Handout"]);
    }

    [Fact]
    public async Task An_editor_previews_and_publishes_and_downloads_material_of_a_draft_event()
    {
        (await _f.Proceedings.GetBookAsync(Actors.Organiser, _f.Slug)).ShouldNotBeNull();
        (await _f.Materials.GetDownloadAsync(Actors.Organiser, _materialId)).ShouldNotBeNull();

        (await _f.Proceedings.SetPublishedAsync(Actors.Organiser, _f.EventId, true)).Succeeded.ShouldBeTrue();
    }
}
