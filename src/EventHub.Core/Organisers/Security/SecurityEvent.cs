using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Organisers.Security;

/// <summary>
/// One entry in the security log: who did what, when. Append-only: nothing updates or deletes an entry except the
/// retention prune (<see cref="SecurityLog.PruneAsync"/>). The summary names organisers and events, never an
/// attendee's personal data (an erasure is logged by its reason and counts, not the address).
/// </summary>
public sealed class SecurityEvent
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public SecurityAction Action { get; set; }

    /// <summary>The organiser who acted (or tried to); null for an unknown account or the system.</summary>
    public string? ActorId { get; set; }

    /// <summary>Their name at the time, so the entry still reads after the account is removed.</summary>
    public required string ActorName { get; set; }

    public int? EventId { get; set; }

    public required string Summary { get; set; }

    /// <summary>The client address, for sign-ins only.</summary>
    public string? ClientAddress { get; set; }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.ToTable("SecurityLog");
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Summary).HasMaxLength(1000);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.Action, e.AtUtc });
    }
}
