using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Organisers.Security;

/// <summary>
/// Adds a security log entry to the context of the action it records, so the entry is saved in the same transaction:
/// an action that rolls back leaves no entry, and one that commits cannot lose it.
/// </summary>
public static class SecurityAudit
{
    public static void Add(EventHubDbContext db, SecurityAction action, Actor actor, string summary, DateTime nowUtc, int? eventId = null) =>
        db.Add(Entry(action, actor, summary, nowUtc, eventId));

    internal static SecurityEvent Entry(SecurityAction action, Actor actor, string summary, DateTime nowUtc, int? eventId = null, string? clientAddress = null) => new()
    {
        AtUtc = nowUtc,
        Action = action,
        ActorId = actor.UserId,
        ActorName = Texts.Truncate(actor.DisplayName, 200),
        EventId = eventId,
        Summary = Texts.Truncate(summary, 1000),
        ClientAddress = clientAddress is null ? null : Texts.Truncate(clientAddress, 64),
    };
}
