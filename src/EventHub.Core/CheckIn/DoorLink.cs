using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.CheckIn;

/// <summary>A link that opens the check-in page for one event, within a time window, without an account.</summary>
public sealed class DoorLink
{
    public int Id { get; set; }

    public int EventId { get; set; }

    /// <summary>
    /// SHA-256 of the link's token (SecureTokens, 160 bits, the only secret in the link). The token itself is shown to
    /// the organiser once, when the link is created or reissued, and is never stored.
    /// </summary>
    public required string TokenHash { get; set; }

    /// <summary>Names the device or volunteer ("Main entrance phone").</summary>
    public required string Label { get; set; }

    public DateTime ValidFromUtc { get; set; }

    public DateTime ValidUntilUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public bool IsOpenAt(DateTime nowUtc) => RevokedUtc is null && nowUtc >= ValidFromUtc && nowUtc < ValidUntilUtc;
}

internal sealed class DoorLinkConfiguration : IEntityTypeConfiguration<DoorLink>
{
    public void Configure(EntityTypeBuilder<DoorLink> builder)
    {
        builder.ToTable("DoorLinks");
        builder.Property(d => d.TokenHash).HasMaxLength(64);
        builder.Property(d => d.Label).HasMaxLength(CheckInRules.MaxLabelLength);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasIndex(d => d.EventId);
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
