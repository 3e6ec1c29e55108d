using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

public sealed class SessionMergeServiceTests
{
    [Fact]
    public async Task Merging_keeps_both_titles_and_conveners_in_the_history_and_frees_the_absorbed_cell()
    {
        await using var f = await BoardFixture.CreateAsync();
        var keep = await f.PlaceAsync("Remote teams", f.Hall, f.Morning, "Ann");
        var absorb = await f.PlaceAsync("Working from home", f.SmallRoom, f.Morning, "Bob");

        var outcome = await f.Merging.MergeAsync(Actors.Organiser, keep, absorb);

        outcome.Succeeded.ShouldBeTrue();
        var board = await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug);
        board!.CellAt(f.SmallRoom, f.Morning).ShouldBeNull();
        var cell = board.CellAt(f.Hall, f.Morning)!;
        cell.Title.ShouldBe("Remote teams + Working from home");
        cell.ConvenerName.ShouldBe("Ann, Bob");
        var history = await f.Placement.GetHistoryAsync(Actors.Organiser, keep);
        history.ShouldContain(h => h.Kind == SessionHistoryKind.MergedIn && h.Title == "Remote teams" && h.ConvenerName == "Ann");
        history.ShouldContain(h => h.Kind == SessionHistoryKind.MergedIn && h.Title == "Working from home" && h.ConvenerName == "Bob");
        await using var db = f.Database.CreateDbContext();
        (await db.Sessions.AnyAsync(s => s.Id == absorb)).ShouldBeFalse();
    }

    [Fact]
    public async Task People_interested_in_a_merged_away_session_are_told_and_their_interest_follows_it()
    {
        await using var f = await BoardFixture.CreateAsync();
        var keep = await f.PlaceAsync("Keep", f.Hall, f.Morning, "Ann");
        var absorb = await f.PlaceAsync("Absorb", f.SmallRoom, f.Morning, "Bob");
        await f.Interest.MarkInterestAsync(absorb, "Ivy", "ivy@example.com");
        await f.Interest.MarkInterestAsync(absorb, "Both", "both@example.com");
        await f.Interest.MarkInterestAsync(keep, "Both", "both@example.com");

        await f.Merging.MergeAsync(Actors.Organiser, keep, absorb);

        await using var db = f.Database.CreateDbContext();
        var messages = await db.Set<OutboxMessage>().ToListAsync();
        messages.Select(m => m.ToEmail).Order().ShouldBe(["both@example.com", "ivy@example.com"]);
        messages.ShouldAllBe(m => m.Template == OpenSpaceEmailTemplates.SessionMerged);
        (await db.Set<InterestMark>().CountAsync(i => i.SessionId == keep)).ShouldBe(2);
    }

    [Fact]
    public async Task Merging_moves_the_absorbed_sessions_materials_write_ups_and_notes_to_the_session_that_stays()
    {
        await using var f = await BoardFixture.CreateAsync();
        var notes = new NotesService(f.Database, f.Clock);
        var materials = new MaterialService(f.Database, f.Clock, new MaterialStore(Path.Combine(f.Database.Folder, "materials")), f.Database.Dialect);
        var writeUps = new WriteUpService(f.Database, f.Clock);
        var keep = await f.PlaceAsync("Remote teams", f.Hall, f.Morning, "Ann");
        var absorb = await f.PlaceAsync("Working from home", f.SmallRoom, f.Morning, "Bob");
        (await notes.SaveNotesAsync(EditorKey.ForOrganiser(Actors.Organiser, keep), new NotesInput { KeyPoints = "Async first" })).Succeeded.ShouldBeTrue();
        var goneToken = (await notes.CreateLinkAsync(Actors.Organiser, absorb)).Value!;
        (await notes.SaveNotesAsync(EditorKey.ForToken(goneToken), new NotesInput { KeyPoints = "Chairs matter", Actions = "Buy chairs" })).Succeeded.ShouldBeTrue();
        (await materials.AddLinkAsync(EditorKey.ForToken(goneToken), "Bob's slides", "https://example.org/slides")).Succeeded.ShouldBeTrue();
        (await writeUps.SubmitWriteUpAsync(absorb, new WriteUpInput("Ivy", "Loved it", null))).Succeeded.ShouldBeTrue();

        (await f.Merging.MergeAsync(Actors.Organiser, keep, absorb)).Succeeded.ShouldBeTrue();

        await using var db = f.Database.CreateDbContext();
        (await db.Set<Material>().SingleAsync()).SessionId.ShouldBe(keep);
        (await db.Set<WriteUp>().SingleAsync()).SessionId.ShouldBe(keep);
        var kept = await db.Set<SessionNotes>().SingleAsync();
        kept.SessionId.ShouldBe(keep);
        kept.KeyPoints.ShouldContain("Async first");
        kept.KeyPoints.ShouldContain("Chairs matter");
        kept.Actions.ShouldContain("Buy chairs");
    }

    [Fact]
    public async Task Notes_of_an_absorbed_session_become_the_notes_when_the_surviving_session_had_none_and_their_link_still_works()
    {
        await using var f = await BoardFixture.CreateAsync();
        var notes = new NotesService(f.Database, f.Clock);
        var keep = await f.PlaceAsync("Remote teams", f.Hall, f.Morning, "Ann");
        var absorb = await f.PlaceAsync("Working from home", f.SmallRoom, f.Morning, "Bob");
        var goneToken = (await notes.CreateLinkAsync(Actors.Organiser, absorb)).Value!;
        await notes.SaveNotesAsync(EditorKey.ForToken(goneToken), new NotesInput { KeyPoints = "Chairs matter" });

        (await f.Merging.MergeAsync(Actors.Organiser, keep, absorb)).Succeeded.ShouldBeTrue();

        var page = await notes.GetAsync(EditorKey.ForToken(goneToken));
        page.ShouldNotBeNull();
        page.SessionId.ShouldBe(keep);
        page.KeyPoints.ShouldBe("Chairs matter");
    }
}
