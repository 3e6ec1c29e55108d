using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// Tells people with a booking when the organisers move or cancel the event. The messages are added to the
/// organiser's unit of work, so they are written in the same transaction as the change: there is no window in which
/// the event has changed and the mail is not queued, nor the other way round.
/// </summary>
public sealed class EventChangeMail : IEventChangeObserver
{
    public async Task OnChangingAsync(EventHubDbContext db, EventChange change, CancellationToken ct)
    {
        // A move matters to people holding a place; a cancellation to everyone still hoping for one too.
        BookingStatus[] audience = change.Kind == EventChangeKind.Cancelled
            ? [BookingStatus.Confirmed, BookingStatus.Offered, BookingStatus.Held, BookingStatus.Waiting, BookingStatus.AwaitingApproval]
            : [BookingStatus.Confirmed, BookingStatus.Offered, BookingStatus.Held];
        var template = change.Kind == EventChangeKind.Cancelled ? BookingTemplates.EventCancelled : BookingTemplates.EventChanged;
        var reason = change.Kind == EventChangeKind.Cancelled ? null : WhatChanged(change);
        var bookings = await db.Set<Booking>().AsNoTracking().Include(b => b.TicketType)
            .Where(b => b.EventId == change.Event.Id && audience.Contains(b.Status))
            .OrderBy(b => b.Id)
            .ToListAsync(ct);
        foreach (var b in bookings)
        {
            // Only a confirmed booking was sent an invite, so only it gets the calendar update or removal.
            Lifecycle.Message(db, template, b, change.NowUtc, reason: reason, withoutInvite: b.Status != BookingStatus.Confirmed);
        }
    }

    /// <summary>"Time: was …" and "Place: was …" lines, in the event's own time zone.</summary>
    internal static string WhatChanged(EventChange change)
    {
        var lines = new List<string>();
        if (change.Before.TimeChanged(change.Event))
        {
            lines.Add("Time: was " + EventTime.FormatRange(change.Before.StartUtc, change.Before.EndUtc, change.Before.TimeZoneId));
        }

        if (change.Before.PlaceChanged(change.Event))
        {
            // The old joining link is not repeated: this line goes to people waiting too.
            var was = string.Join(", ", new[] { change.Before.VenueName, change.Before.VenueAddress.Replace("\n", ", ", StringComparison.Ordinal), change.Before.OnlineUrl.Length > 0 ? "online" : null }
                .Where(s => !string.IsNullOrWhiteSpace(s)));
            lines.Add("Place: was " + (was.Length == 0 ? "not set" : was));
        }

        return string.Join("\n", lines);
    }
}
