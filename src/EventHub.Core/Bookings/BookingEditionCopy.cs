using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// Copies an event's ticket types (with their quotas), the registration questions still asked, and the eligibility
/// and waiting-list rules into a new edition. Places taken start again at nought; a hidden ticket type gets a new
/// secret link, so last edition's link does not open this one.
/// </summary>
internal sealed class BookingEditionCopy : IEditionCopyPart
{
    public async Task<IReadOnlyList<string>> CopyAsync(EventHubDbContext db, int sourceId, int copyId, EditionShift shift, CancellationToken ct)
    {
        var copied = new List<string>();
        var tickets = await db.Set<TicketType>().AsNoTracking().Where(t => t.EventId == sourceId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        db.AddRange(tickets.Select(t => new TicketType
        {
            EventId = copyId,
            Name = t.Name,
            Description = t.Description,
            Quota = t.Quota,
            Attendance = t.Attendance,
            Hidden = t.Hidden,
            SecretToken = t.SecretToken is null ? null : SecureTokens.New(),
            SortOrder = t.SortOrder,
        }));
        if (tickets.Count > 0)
        {
            copied.Add(EditionCopyService.Count(tickets.Count, "ticket type"));
        }

        var questions = await db.Set<RegistrationQuestion>().AsNoTracking().Where(q => q.EventId == sourceId && !q.Hidden)
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
        db.AddRange(questions.Select(q => new RegistrationQuestion
        {
            EventId = copyId,
            Text = q.Text,
            Hint = q.Hint,
            Kind = q.Kind,
            Required = q.Required,
            Options = q.Options,
            SortOrder = q.SortOrder,
        }));
        if (questions.Count > 0)
        {
            copied.Add(EditionCopyService.Count(questions.Count, "registration question"));
        }

        var settings = await db.Set<BookingSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == sourceId, ct);
        if (settings is not null)
        {
            db.Add(new BookingSettings
            {
                EventId = copyId,
                Eligibility = settings.Eligibility,
                AllowedDomains = settings.AllowedDomains,
                OutsideDomain = settings.OutsideDomain,
                PlacesAreFor = settings.PlacesAreFor,
                OfferWindowHours = settings.OfferWindowHours,
                ConfirmFromWaitlist = settings.ConfirmFromWaitlist,
                HoldUntilEmailConfirmed = settings.HoldUntilEmailConfirmed,
                PriorityOpensUtc = shift.Apply(settings.PriorityOpensUtc),
            });
            copied.Add(settings.Eligibility == EligibilityMode.OpenToAll ? "the waiting-list rules" : "the eligibility and waiting-list rules");
        }

        return copied;
    }
}
