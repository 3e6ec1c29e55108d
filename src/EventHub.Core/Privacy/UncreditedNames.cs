using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Privacy;

/// <summary>
/// The sweep's step for names in the record: past retention, write-up authors and Open Space conveners who did not ask
/// to be credited by name show as <see cref="Credit.Participant"/> (on the board, the session, its history, its proposal
/// and the notes' convener section). Session titles and notes stay. A session's names stay only when everyone who
/// proposed it asked to be credited.
/// </summary>
internal static class UncreditedNames
{
    public static async Task AnonymiseAsync(EventHubDbContext db, int eventId, CancellationToken ct)
    {
        await db.Set<WriteUp>().Where(w => w.EventId == eventId && !w.CreditByName)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.AuthorName, Credit.Participant), ct);

        var proposals = db.Set<Proposal>();
        await proposals.Where(p => p.EventId == eventId && !p.CreditByName)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ConvenerName, Credit.Participant), ct);

        // Sessions of the board (placed, or made from a proposal) not wholly credited.
        var uncredited = db.Sessions.Where(s => s.EventId == eventId
                && (db.Set<BoardCell>().Any(c => c.SessionId == s.Id) || proposals.Any(p => p.SessionId == s.Id))
                && !(proposals.Any(p => p.SessionId == s.Id) && proposals.Where(p => p.SessionId == s.Id).All(p => p.CreditByName)))
            .Select(s => s.Id);
        await db.Set<BoardCell>().Where(c => uncredited.Contains(c.SessionId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConvenerName, Credit.Participant), ct);
        await db.Set<SessionHistoryEntry>().Where(h => uncredited.Contains(h.SessionId))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.ConvenerName, Credit.Participant), ct);
        await db.Set<SessionNotes>().Where(n => uncredited.Contains(n.SessionId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Convener, string.Empty), ct);
        await db.Sessions.Where(s => uncredited.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Speakers, Credit.Participant), ct);
    }
}
