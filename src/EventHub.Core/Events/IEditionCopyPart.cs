using EventHub.Core.Data;

namespace EventHub.Core.Events;

/// <summary>
/// Lets a feature built on events (ticket types, questions, reminders…) copy its own per-event settings when an
/// organiser copies an event as a new edition. It adds rows to <paramref name="db"/> for <paramref name="copyId"/>
/// and must not save: <see cref="EditionCopyService"/> saves everything in one transaction.
/// Answers what it copied, in a few words ("3 ticket types"), or nothing when there was nothing to copy.
/// </summary>
public interface IEditionCopyPart
{
    Task<IReadOnlyList<string>> CopyAsync(EventHubDbContext db, int sourceId, int copyId, EditionShift shift, CancellationToken ct);
}
