using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.OpenSpace;

/// <summary>What happened to a board session; a merge keeps the absorbed session's title and convener here.</summary>
public sealed class SessionHistoryEntry
{
    public long Id { get; set; }

    public int SessionId { get; set; }

    public SessionHistoryKind Kind { get; set; }

    public required string Title { get; set; }

    public required string ConvenerName { get; set; }

    public string Detail { get; set; } = string.Empty;

    public string ByName { get; set; } = string.Empty;

    public DateTime AtUtc { get; set; }
}

internal sealed class SessionHistoryConfiguration : IEntityTypeConfiguration<SessionHistoryEntry>
{
    public void Configure(EntityTypeBuilder<SessionHistoryEntry> builder)
    {
        builder.ToTable("SessionHistory");
        builder.Property(h => h.Title).HasMaxLength(OpenSpaceRules.MaxTitleLength);
        builder.Property(h => h.ConvenerName).HasMaxLength(OpenSpaceRules.MaxNameLength);
        builder.Property(h => h.Detail).HasMaxLength(500);
        builder.Property(h => h.ByName).HasMaxLength(OpenSpaceRules.MaxNameLength);
        builder.HasIndex(h => h.SessionId);
        builder.HasOne<Session>().WithMany().HasForeignKey(h => h.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
