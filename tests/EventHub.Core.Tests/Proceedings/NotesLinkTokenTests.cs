using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Privacy;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Privacy;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Proceedings;

/// <summary>Notes links kept as hashes: shown once, several may work, reissue replaces them all, anonymisation ends them.</summary>
public sealed class NotesLinkTokenTests : IAsyncLifetime
{
    private PrivacyKit _kit = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _kit = await PrivacyKit.CreateAsync();

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    private NotesService Notes => _kit.Get<NotesService>();

    private async Task<int?> OpensAsync(string token) => (await Notes.GetAsync(EditorKey.ForToken(token), Ct))?.SessionId;

    [Fact]
    public async Task The_database_keeps_only_the_hash_of_a_notes_link_and_finds_the_session_by_it()
    {
        var token = (await Notes.CreateLinkAsync(Actors.Organiser, _kit.SessionId, Ct)).Value!;

        (await OpensAsync(token)).ShouldBe(_kit.SessionId);
        await using (var db = _kit.Database.CreateDbContext())
        {
            var link = await db.Set<NotesLink>().SingleAsync(Ct);
            link.TokenHash.ShouldBe(SecureTokens.Hash(token));
            link.Purpose.ShouldBe(NotesLinks.ShownToOrganiser);
        }

        if (_kit.Database.Dialect.Provider == DatabaseProvider.Sqlite)
        {
            (await _kit.FilesHoldingAsync(token)).ShouldBeEmpty("the token is shown once and never written down");
            (await _kit.FilesHoldingAsync(SecureTokens.Hash(token))).ShouldNotBeEmpty("the scan must be able to see what is there");
        }
    }

    [Fact]
    public async Task A_made_up_or_over_long_token_opens_nothing()
    {
        await Notes.CreateLinkAsync(Actors.Organiser, _kit.SessionId, Ct);

        (await OpensAsync(SecureTokens.New())).ShouldBeNull();
        (await OpensAsync(new string('a', 200))).ShouldBeNull();
        (await Notes.SaveNotesAsync(EditorKey.ForToken(SecureTokens.New()), new NotesInput { KeyPoints = "Guess" }, Ct)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Making_another_link_keeps_the_first_working_and_reissuing_stops_every_earlier_one()
    {
        var first = (await Notes.CreateLinkAsync(Actors.Organiser, _kit.SessionId, Ct)).Value!;
        var second = (await Notes.CreateLinkAsync(Actors.Organiser, _kit.SessionId, Ct)).Value!;
        second.ShouldNotBe(first);
        (await OpensAsync(first)).ShouldBe(_kit.SessionId);
        (await OpensAsync(second)).ShouldBe(_kit.SessionId);
        (await Notes.LinkStatesAsync(Actors.Organiser, _kit.EventId, Ct))[_kit.SessionId].Count.ShouldBe(2);

        var reissued = (await Notes.ReissueLinkAsync(Actors.Organiser, _kit.SessionId, Ct)).Value!;

        (await OpensAsync(first)).ShouldBeNull();
        (await OpensAsync(second)).ShouldBeNull();
        (await OpensAsync(reissued)).ShouldBe(_kit.SessionId);
        (await Notes.LinkStatesAsync(Actors.Organiser, _kit.EventId, Ct))[_kit.SessionId].Count.ShouldBe(1);
    }

    [Fact]
    public async Task Someone_on_none_of_the_event_teams_can_neither_make_nor_reissue_a_link_nor_see_that_one_exists()
    {
        await Notes.CreateLinkAsync(Actors.Organiser, _kit.SessionId, Ct);

        (await Notes.CreateLinkAsync(Actors.Stranger, _kit.SessionId, Ct)).Status.ShouldBe(OutcomeStatus.NotFound);
        (await Notes.ReissueLinkAsync(Actors.Stranger, _kit.SessionId, Ct)).Status.ShouldBe(OutcomeStatus.NotFound);
        (await Notes.ReissueLinkAsync(Actor.Anonymous, _kit.SessionId, Ct)).Succeeded.ShouldBeFalse();
        (await Notes.LinkStatesAsync(Actors.Stranger, _kit.EventId, Ct)).ShouldBeEmpty();
        await using var db = _kit.Database.CreateDbContext();
        (await db.Set<NotesLink>().CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Notes_links_stop_when_the_retention_sweep_anonymises_the_event_but_the_notes_stay()
    {
        var token = (await Notes.CreateLinkAsync(Actors.Organiser, _kit.SessionId, Ct)).Value!;
        (await Notes.SaveNotesAsync(EditorKey.ForToken(token), new NotesInput { KeyPoints = "Open by default" }, Ct)).Succeeded.ShouldBeTrue();

        _kit.Services.Clock.Advance(TimeSpan.FromDays(2 + 366));
        await _kit.Get<Anonymiser>().SweepAsync(Ct);

        (await OpensAsync(token)).ShouldBeNull();
        (await Notes.GetAsync(EditorKey.ForOrganiser(Actors.Organiser, _kit.SessionId), Ct))!.KeyPoints.ShouldBe("Open by default");
        await using var db = _kit.Database.CreateDbContext();
        (await db.Set<NotesLink>().CountAsync(Ct)).ShouldBe(0);
    }
}
