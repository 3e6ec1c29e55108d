using EventHub.Core.Common;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>An event's ordered list that organisers prune and reorder (ticket types, questions), written once for both.</summary>
internal sealed class EventList<T>(OrganiserWrites writes, EventListKind<T> kind)
    where T : class, IEventListItem
{
    /// <summary>Removes an item nobody uses; one that is used stays, so the history stays whole.</summary>
    public Task<Outcome<string>> RemoveAsync(Actor actor, int eventId, int id, CancellationToken ct) =>
        writes.RunAsync(actor, eventId, Permission.Edit, async w =>
        {
            var item = await w.Db.Set<T>().FindInEventAsync(eventId, id, ct);
            if (item is null)
            {
                return Outcome<string>.NotFound(kind.Gone);
            }

            var uses = await kind.CountUsesAsync(w.Db, id, ct);
            if (uses > 0)
            {
                return Outcome<string>.Refused(kind.InUse(item, uses));
            }

            w.Db.Remove(item);
            w.Audit(eventId, null, kind.Action + "-removed", $"Removed {kind.Noun} \"{kind.NameOf(item)}\"");
            await w.Db.SaveChangesAsync(ct);
            return Outcome<string>.Ok(kind.NameOf(item));
        }, ct, kind.Gone);

    /// <summary>Swaps an item with its neighbour above (<paramref name="up"/>) or below, and renumbers the list.</summary>
    public Task<Outcome<string>> MoveAsync(Actor actor, int eventId, int id, bool up, CancellationToken ct) =>
        writes.RunAsync(actor, eventId, Permission.Edit, async w =>
        {
            var items = await w.Db.Set<T>().Where(x => x.EventId == eventId).InListOrder().ToListAsync(ct);
            var index = items.FindIndex(x => x.Id == id);
            if (index < 0)
            {
                return Outcome<string>.NotFound(BookingErrors.ItemGoneFromList);
            }

            if (ListOrder.Swap(items, index, up, (x, n) => x.SortOrder = n) is not { } other)
            {
                return Outcome<string>.Refused(BookingErrors.AlreadyAtEnd(kind.NameOf(items[index]), up));
            }

            w.Audit(eventId, null, kind.Action + "-moved", $"Moved \"{kind.NameOf(items[other])}\" {(up ? "up" : "down")}");
            await w.Db.SaveChangesAsync(ct);
            return Outcome<string>.Ok(kind.NameOf(items[other]));
        }, ct, kind.Gone);
}
