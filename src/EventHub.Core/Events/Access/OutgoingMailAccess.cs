using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;

namespace EventHub.Core.Events.Access;

/// <summary>An organiser reads the mail of the events where their role allows <see cref="Permission.ReadMail"/>.</summary>
public sealed class OutgoingMailAccess : IOutgoingMailAccess
{
    public Task<AccessScope> ReadableAsync(EventHubDbContext db, Actor actor, CancellationToken ct) =>
        EventAccess.ScopeAsync(db, actor, Permission.ReadMail, ct);
}
