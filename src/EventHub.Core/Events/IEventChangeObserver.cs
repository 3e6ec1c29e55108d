using EventHub.Core.Data;

namespace EventHub.Core.Events;

/// <summary>
/// Lets other features (booking, email) act on an event change inside the same unit of work: an observer adds
/// what it needs to <paramref name="db"/> and the <see cref="EventService"/> saves it with the change itself, so the
/// change and its consequences (the outbox rows) commit or fail together. Observers must not save.
/// </summary>
public interface IEventChangeObserver
{
    Task OnChangingAsync(EventHubDbContext db, EventChange change, CancellationToken ct);
}
