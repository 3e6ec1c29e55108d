using Microsoft.AspNetCore.Identity;

namespace EventHub.Core.Organisers;

/// <summary>A person who runs events. Stored by ASP.NET Core Identity in the same database.</summary>
public sealed class Organiser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public bool IsAdministrator { get; set; }

    /// <summary>A disabled organiser cannot sign in, and their open pages stop at the next check.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>May answer subject-access and erasure requests without being an administrator (see <see cref="EventHub.Core.Common.Actor.CanAnswerDataRequests"/>).</summary>
    public bool CanAnswerDataRequests { get; set; }
}
