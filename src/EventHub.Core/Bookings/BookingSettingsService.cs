using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>The organiser reads and changes one event's booking rules: eligibility and who the places are for, offers, priority booking.</summary>
public sealed class BookingSettingsService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingWriteGate gate, BookingSetupCache? setup = null)
{
    private readonly OrganiserWrites _writes = new(dbFactory, clock, gate, setup);

    /// <summary>The event's booking rules; null when the event does not exist or the actor is on none of its teams.</summary>
    public async Task<BookingSettings?> GetAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.See, ct) is not null)
        {
            return null;
        }

        var settings = await Lifecycle.SettingsAsync(db, eventId, ct);
        var zone = await db.Set<Event>().Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct);
        settings.PriorityOpensLocal = settings.PriorityOpensUtc is { } p ? EventTime.ToLocal(p, zone) : null;
        return settings;
    }

    public Task<Outcome<BookingSettings>> SaveAsync(Actor actor, BookingSettings input, CancellationToken ct = default) =>
        _writes.RunAsync(actor, input.EventId, Permission.Edit, async w =>
        {
            var errors = new List<FieldError>();
            if (input.OfferWindowHours is < 1 or > 24 * 14)
            {
                errors.Add(new(nameof(BookingSettings.OfferWindowHours), "Offer window must be between 1 hour and 336 hours (14 days)"));
            }

            var domains = input.AllowedDomainList;
            if (input.Eligibility == EligibilityMode.AllowedDomains && domains.Count == 0)
            {
                errors.Add(new(nameof(BookingSettings.AllowedDomains), "Enter at least one allowed email domain, like devon.gov.uk or *.gov.uk"));
            }

            var bad = domains.FirstOrDefault(d => !IsDomainRule(d));
            if (bad is not null)
            {
                errors.Add(new(nameof(BookingSettings.AllowedDomains), $"\"{bad}\" is not an email domain. Use the form devon.gov.uk or *.gov.uk"));
            }

            var placesAreFor = (input.PlacesAreFor ?? string.Empty).Trim();
            if (placesAreFor.Length > BookingRules.MaxPlacesAreForLength)
            {
                errors.Add(new(nameof(BookingSettings.PlacesAreFor),
                    $"Who the places are for must be {BookingRules.MaxPlacesAreForLength} characters or fewer (it has {placesAreFor.Length})"));
            }

            var ev = await w.Db.Set<Event>().AsNoTracking().Where(e => e.Id == input.EventId)
                .Select(e => new { e.TimeZoneId, e.BookingOpensUtc }).FirstOrDefaultAsync(ct);
            if (ev is null)
            {
                return Outcome<BookingSettings>.NotFound(BookingErrors.EventGone);
            }

            errors.AddRange(BookingRules.ValidatePriorityOpens(input.PriorityOpensLocal, ev.TimeZoneId, ev.BookingOpensUtc, out var priorityOpensUtc));
            if (errors.Count > 0)
            {
                return Outcome<BookingSettings>.Invalid(errors);
            }

            var row = await w.Db.Set<BookingSettings>().FirstOrDefaultAsync(s => s.EventId == input.EventId, ct);
            if (row is null)
            {
                row = BookingSettings.DefaultFor(input.EventId);
                w.Db.Add(row);
            }

            row.Eligibility = input.Eligibility;
            row.AllowedDomains = string.Join('\n', domains.Select(d => d.ToLowerInvariant()));
            row.OutsideDomain = input.OutsideDomain;
            row.PlacesAreFor = placesAreFor;
            row.OfferWindowHours = input.OfferWindowHours;
            row.ConfirmFromWaitlist = input.ConfirmFromWaitlist;
            row.HoldUntilEmailConfirmed = input.HoldUntilEmailConfirmed;
            row.PriorityOpensUtc = priorityOpensUtc;
            w.Audit(input.EventId, null, "settings", $"Booking settings: {row.Eligibility}, offers held {row.OfferWindowHours} h" +
                (row.ConfirmFromWaitlist ? ", confirm straight from the waiting list" : string.Empty) +
                (row.HoldUntilEmailConfirmed ? ", hold places until the email address is confirmed" : string.Empty) +
                (priorityOpensUtc is { } p ? ", priority booking opens " + EventTime.FormatDateTime(p, ev.TimeZoneId) : string.Empty));
            await w.Db.SaveChangesAsync(ct);
            row.PriorityOpensLocal = input.PriorityOpensLocal;
            return Outcome<BookingSettings>.Ok(row);
        }, ct);

    private static bool IsDomainRule(string d)
    {
        var host = d.StartsWith("*.", StringComparison.Ordinal) ? d[2..] : d;
        return host.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(host) == UriHostNameType.Dns;
    }
}
