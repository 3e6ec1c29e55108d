using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.OpenSpace;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Privacy;

/// <summary>
/// The phone numbers a person gave us, which an erasure takes out of everyone's free text (<see cref="FreeTextScrub"/>):
/// those in their booking answers and booking details, and in the descriptions of the sessions they proposed. Session
/// notes are edited through a shared link and have no author, so they are scrubbed but never taken as the person's.
/// </summary>
internal static class PersonPhones
{
    /// <summary>Read before the erasure deletes the answers and clears the details; see <see cref="FreeTextScrub.PhoneKeys"/>.</summary>
    public static async Task<IReadOnlySet<string>> GatherAsync(
        EventHubDbContext db, IQueryable<Booking> theirs, string address, int? onlyEventId, CancellationToken ct)
    {
        var ids = theirs.Select(b => b.Id);
        var answers = await db.Set<BookingAnswer>().Where(a => ids.Contains(a.BookingId)).Select(a => a.Value).ToListAsync(ct);
        var details = await theirs.Select(b => new { b.Organisation, b.JobTitle, b.DietaryNeeds, b.AccessNeeds, b.CancelReason }).ToListAsync(ct);
        var proposals = await db.Set<Proposal>()
            .Where(p => (onlyEventId == null || p.EventId == onlyEventId)
                && (p.ConvenerEmail == address || (p.ProposerBookingId != null && ids.Contains(p.ProposerBookingId.Value))))
            .Select(p => p.Description).ToListAsync(ct);
        return FreeTextScrub.PhoneKeys(answers
            .Concat(details.SelectMany(d => new[] { d.Organisation, d.JobTitle, d.DietaryNeeds, d.AccessNeeds, d.CancelReason }))
            .Concat(proposals));
    }
}
