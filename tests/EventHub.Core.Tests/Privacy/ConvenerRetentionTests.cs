using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.OpenSpace;
using EventHub.Core.Privacy;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Privacy;

/// <summary>
/// The retention sweep and the names in the record: conveners and write-up authors who did not ask to be credited are
/// found nowhere on disk afterwards; those who asked keep their names; session titles and notes stay.
/// </summary>
public sealed class ConvenerRetentionTests : IAsyncLifetime
{
    private const string Convener = "Ximena Quillfeather";
    private const string ConvenerEmail = "zq-convener-9d2@devon.gov.uk";
    private const string Author = "Wilhelmina Zanzibarre";
    private const string CreditedConvener = "Cressida Creditwell";
    private const string CreditedAuthor = "Carla Keepname";
    private PrivacyKit _kit = default!;

    public async ValueTask InitializeAsync() => _kit = await PrivacyKit.CreateAsync();

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Past_retention_conveners_and_authors_not_credited_are_found_nowhere_on_disk_and_credited_ones_keep_their_names()
    {
        var (plain, credited) = await PlaceTwoSessionsAsync();
        var notes = _kit.Get<NotesService>();
        var token = (await notes.CreateLinkAsync(Actors.Organiser, plain)).Value!;
        (await notes.SaveNotesAsync(EditorKey.ForToken(token), new NotesInput { Convener = Convener, KeyPoints = "Zq-keep-these-points" })).Succeeded.ShouldBeTrue();
        var proceedings = _kit.Get<ProceedingsService>();
        var writeUps = _kit.Get<WriteUpService>();
        (await writeUps.SetTrustContributorsAsync(Actors.Organiser, _kit.EventId, true)).Succeeded.ShouldBeTrue();
        (await writeUps.SubmitWriteUpAsync(_kit.EventSlug, plain, new WriteUpInput(Author, "We drew a map.", null))).Succeeded.ShouldBeTrue();
        (await writeUps.SubmitWriteUpAsync(_kit.EventSlug, credited, new WriteUpInput(CreditedAuthor, "We swapped seeds.", null, CreditByName: true))).Succeeded.ShouldBeTrue();
        await _kit.DeliverMailAsync();
        (await _kit.FilesHoldingAsync(Convener, ConvenerEmail)).ShouldContain(hit => hit.StartsWith("mail-pickup", StringComparison.Ordinal),
            "the notes link was mailed to the convener, so the scan must see them before the sweep");

        _kit.Services.Clock.Advance(TimeSpan.FromDays(2 + 366));
        (await _kit.Get<Anonymiser>().SweepAsync()).Anonymised.ShouldBe(1);

        (await _kit.FilesHoldingAsync(Convener, ConvenerEmail, Author)).ShouldBeEmpty();
        var board = (await _kit.Get<BoardLayoutService>().GetBoardAsync(Actors.Organiser, _kit.EventId))!;
        board.Cells.Single(c => c.SessionId == plain).ConvenerName.ShouldBe(Credit.Participant);
        board.Cells.Single(c => c.SessionId == credited).ConvenerName.ShouldBe(CreditedConvener);
        var book = (await proceedings.GetBookAsync(Actors.Organiser, _kit.EventSlug))!;
        var plainSession = book.Sessions.Single(s => s.SessionId == plain);
        (plainSession.Title, plainSession.Convener, plainSession.NotesText.KeyPoints).ShouldBe(("Zq bus data", Credit.Participant, "Zq-keep-these-points"));
        plainSession.WriteUps.ShouldHaveSingleItem().AuthorName.ShouldBe(Credit.Participant);
        var creditedSession = book.Sessions.Single(s => s.SessionId == credited);
        (creditedSession.Title, creditedSession.Convener).ShouldBe(("Seed swaps", CreditedConvener));
        creditedSession.WriteUps.ShouldHaveSingleItem().AuthorName.ShouldBe(CreditedAuthor);
        await using var db = _kit.Database.CreateDbContext();
        (await db.Set<Proposal>().Where(p => p.EventId == _kit.EventId).Select(p => p.ConvenerEmail).ToListAsync()).ShouldAllBe(e => e == null);
    }

    private async Task<(int Plain, int Credited)> PlaceTwoSessionsAsync()
    {
        int roomId;
        DateTime start;
        await using (var db = _kit.Database.CreateDbContext())
        {
            var ev = await db.Events.SingleAsync(e => e.Id == _kit.EventId);
            ev.Kind = EventKind.OpenSpace;
            var room = new Room { EventId = ev.Id, Name = "Library", Capacity = 20 };
            db.Add(room);
            await db.SaveChangesAsync();
            (roomId, start) = (room.Id, ev.StartUtc);
        }

        var layout = _kit.Get<BoardLayoutService>();
        var morning = (await layout.AddSlotAsync(Actors.Organiser, _kit.EventId, start.AddHours(1), start.AddHours(2))).Value!.Id;
        var afternoon = (await layout.AddSlotAsync(Actors.Organiser, _kit.EventId, start.AddHours(3), start.AddHours(4))).Value!.Id;
        var queue = _kit.Get<PitchQueueService>();
        var placement = _kit.Get<SessionPlacementService>();
        var plain = (await queue.ProposeAsync(_kit.EventId, new ProposalInput("Zq bus data", Convener), Convener, convenerEmail: ConvenerEmail)).Value!;
        var credited = (await queue.ProposeAsync(_kit.EventId, new ProposalInput("Seed swaps", CreditedConvener, CreditByName: true), CreditedConvener)).Value!;
        var placedPlain = await placement.PlaceAsync(Actors.Organiser, plain.Id, roomId, morning);
        placedPlain.Succeeded.ShouldBeTrue(placedPlain.Message);
        var placedCredited = await placement.PlaceAsync(Actors.Organiser, credited.Id, roomId, afternoon);
        placedCredited.Succeeded.ShouldBeTrue(placedCredited.Message);
        return (placedPlain.Value!.SessionId, placedCredited.Value!.SessionId);
    }
}
