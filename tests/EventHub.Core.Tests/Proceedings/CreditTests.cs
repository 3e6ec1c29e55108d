using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.OpenSpace;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Proceedings;

/// <summary>"Credit me by name", and withdrawing a name from one's own link: it then shows as "a participant" everywhere.</summary>
public sealed class CreditTests
{
    private const string Site = "https://events.example.org";

    private static string Download(int id) => $"/materials/{id}";

    /// <summary>Every public form the record takes: the HTML book, its Markdown, and the JSON and CSV exports.</summary>
    private static IEnumerable<string> Renderings(ProceedingsBook book) =>
    [
        ProceedingsHtml.Render(book, Download), ProceedingsMarkdown.Render(book, Site, Download),
        ArchiveExport.Json([book], Site, Download), ArchiveExport.Csv([book], Site, Download),
    ];

    [Fact]
    public async Task A_write_up_author_withdraws_their_name_from_their_own_link_and_it_shows_as_a_participant_everywhere()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        var credits = new CreditService(f.Database, new SessionConveners(new SessionNotesLinks(f.Clock), f.Clock));
        (await f.WriteUps.SetTrustContributorsAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();
        var sent = (await f.WriteUps.SubmitWriteUpAsync(f.Slug, f.SessionId, new WriteUpInput("Wren Writer", "We agreed on GTFS.", "https://blog.example.org/gtfs", CreditByName: true))).Value!;
        (await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true)).Succeeded.ShouldBeTrue();
        sent.Link.ShouldNotBeNullOrEmpty();
        var before = (await credits.WriteUpByLinkAsync(sent.Link))!;
        (before.AuthorName, before.CreditByName, before.NameWithdrawn, before.SessionTitle).ShouldBe(("Wren Writer", true, false, "Publishing bus timetables"));
        Renderings((await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug))!).ShouldAllBe(r => r.Contains("Wren Writer"));

        var withdrawn = await credits.WithdrawWriteUpNameAsync(sent.Link, confirmed: true);

        withdrawn.Succeeded.ShouldBeTrue(withdrawn.Message);
        var after = (await credits.WriteUpByLinkAsync(sent.Link))!;
        (after.AuthorName, after.CreditByName, after.NameWithdrawn).ShouldBe((Credit.Participant, false, true));
        var page = (await f.WriteUps.GetSessionPageAsync(f.Slug, f.SessionId))!;
        page.WriteUps.ShouldHaveSingleItem().AuthorName.ShouldBe(Credit.Participant);
        var book = (await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug))!;
        book.Sessions.Single().WriteUps.ShouldHaveSingleItem().AuthorName.ShouldBe(Credit.Participant);
        foreach (var rendering in Renderings(book))
        {
            rendering.ShouldNotContain("Wren Writer");
            rendering.ShouldContain(Credit.Participant);
            rendering.ShouldContain("We agreed on GTFS.");
        }
    }

    [Fact]
    public async Task The_write_up_link_is_kept_only_as_a_hash_and_a_made_up_or_unconfirmed_withdrawal_changes_nothing()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        var credits = new CreditService(f.Database, new SessionConveners(new SessionNotesLinks(f.Clock), f.Clock));
        var sent = (await f.WriteUps.SubmitWriteUpAsync(f.Slug, f.SessionId, new WriteUpInput("Wren Writer", "Notes.", null))).Value!;

        (await credits.WriteUpByLinkAsync(SecureTokens.New())).ShouldBeNull();
        (await credits.WriteUpByLinkAsync(new string('x', 500))).ShouldBeNull();
        (await credits.WithdrawWriteUpNameAsync(SecureTokens.New(), confirmed: true)).IsNotFound.ShouldBeTrue();
        var unconfirmed = await credits.WithdrawWriteUpNameAsync(sent.Link, confirmed: false);
        unconfirmed.ErrorCode.ShouldBe(ProceedingsErrors.WithdrawNotConfirmed.Code);
        unconfirmed.Errors.ShouldHaveSingleItem().Field.ShouldBe("Confirm");

        await using var db = f.Database.CreateDbContext();
        var row = await db.Set<WriteUp>().SingleAsync(w => w.Id == sent.Id);
        (row.AuthorName, row.CreditByName).ShouldBe(("Wren Writer", false), "not credited unless asked");
        row.LinkHash.ShouldBe(SecureTokens.Hash(sent.Link!));
        row.LinkHash.ShouldNotBe(sent.Link);
    }

    [Fact]
    public async Task A_convener_withdraws_their_name_from_the_notes_link_and_the_board_and_the_record_show_a_participant()
    {
        await using var f = await BoardFixture.CreateAsync();
        var notes = new NotesService(f.Database, f.Clock);
        var proceedings = new ProceedingsService(f.Database, f.Clock);
        var credits = new CreditService(f.Database, new SessionConveners(new SessionNotesLinks(f.Clock), f.Clock));
        var sessionId = await f.PlaceAsync("Repair cafés", f.BigRoom, f.Morning, convener: "Vic Convener");
        await f.PlaceAsync("Seed swaps", f.SmallRoom, f.Morning, convener: "Sam Other");
        var token = (await notes.CreateLinkAsync(Actors.Organiser, sessionId)).Value!;
        var key = EditorKey.ForToken(token);
        (await notes.SaveNotesAsync(key, new NotesInput { Convener = "Vic Convener, library", KeyPoints = "Fix first" })).Succeeded.ShouldBeTrue();
        (await proceedings.GetBookAsync(Actors.Organiser, f.Slug))!.Sessions.Single(s => s.SessionId == sessionId).Convener.ShouldBe("Vic Convener, library");

        (await credits.WithdrawConvenerNameAsync(key, confirmed: false)).ErrorCode.ShouldBe(ProceedingsErrors.WithdrawNotConfirmed.Code);
        (await credits.WithdrawConvenerNameAsync(EditorKey.ForToken(SecureTokens.New()), confirmed: true)).Succeeded.ShouldBeFalse();
        var withdrawn = await credits.WithdrawConvenerNameAsync(key, confirmed: true);

        withdrawn.Succeeded.ShouldBeTrue(withdrawn.Message);
        var board = (await f.Layout.GetBoardAsync(Actors.Organiser, f.EventId))!;
        board.Cells.Single(c => c.SessionId == sessionId).ConvenerName.ShouldBe(Credit.Participant);
        board.Cells.Single(c => c.SessionId != sessionId).ConvenerName.ShouldBe("Sam Other", "another session keeps its convener");
        var book = (await proceedings.GetBookAsync(Actors.Organiser, f.Slug))!;
        var session = book.Sessions.Single(s => s.SessionId == sessionId);
        session.Convener.ShouldBe(Credit.Participant);
        session.NotesText.KeyPoints.ShouldBe("Fix first", "the notes themselves stay");
        foreach (var rendering in Renderings(book))
        {
            rendering.ShouldNotContain("Vic Convener");
            rendering.ShouldContain("Repair caf");
        }

        await using var db = f.Database.CreateDbContext();
        (await db.Sessions.SingleAsync(s => s.Id == sessionId)).Speakers.ShouldBe(Credit.Participant);
        (await db.Set<Proposal>().SingleAsync(p => p.SessionId == sessionId)).ConvenerName.ShouldBe(Credit.Participant);
        (await db.Set<SessionHistoryEntry>().Where(h => h.SessionId == sessionId).Select(h => h.ConvenerName).ToListAsync())
            .ShouldAllBe(n => n == Credit.Participant);
        (await notes.GetAsync(key))!.Convener.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_convener_who_asks_to_be_credited_is_recorded_as_asking_from_the_walk_in_form_and_the_queue()
    {
        await using var f = await BoardFixture.CreateAsync();
        var credited = (await f.Queue.ProposeAsync(f.EventId, new ProposalInput("Open maps", "Cara Credited", CreditByName: true), "Cara Credited")).Value!;
        var plain = (await f.Queue.ProposeAsync(f.EventId, new ProposalInput("Open buses", "Nina Plain"), "Nina Plain")).Value!;
        (await f.WalkIns.SetPolicyAsync(Actors.Organiser, f.EventId, new WalkInPolicy(true, false))).Succeeded.ShouldBeTrue();
        var walkIn = (await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput("Wendy Walker", "Libraries as labs", CreditByName: true))).Value!;

        await using var db = f.Database.CreateDbContext();
        (await db.Set<Proposal>().SingleAsync(p => p.Id == walkIn.ProposalId)).CreditByName.ShouldBeTrue();
        (await db.Set<Proposal>().SingleAsync(p => p.Id == credited.Id)).CreditByName.ShouldBeTrue();
        (await db.Set<Proposal>().SingleAsync(p => p.Id == plain.Id)).CreditByName.ShouldBeFalse("not credited unless asked");
    }
}
