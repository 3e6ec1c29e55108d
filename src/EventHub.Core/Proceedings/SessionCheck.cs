using System.Diagnostics.CodeAnalysis;
using EventHub.Core.Common;
using EventHub.Core.Events;

namespace EventHub.Core.Proceedings;

/// <summary>The session an organiser-side use case may act on, or the refusal to answer instead (<see cref="ProceedingsAccess.SessionAsync"/>).</summary>
internal sealed record SessionCheck(Session? Session, Refusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(Session))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Allowed => Session is not null && Refusal is null;
}
