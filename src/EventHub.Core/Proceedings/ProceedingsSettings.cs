using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Proceedings;

/// <summary>Per-event choices for the record of the day.</summary>
public sealed class ProceedingsSettings
{
    public const long DefaultMaxUploadBytes = 25L * 1024 * 1024;

    public int EventId { get; set; }

    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>Write-ups appear at once instead of waiting for an organiser.</summary>
    public bool TrustContributors { get; set; }

    public bool IsPublished { get; set; }

    public DateTime? PublishedUtc { get; set; }
}

internal sealed class ProceedingsSettingsConfiguration : IEntityTypeConfiguration<ProceedingsSettings>
{
    public void Configure(EntityTypeBuilder<ProceedingsSettings> builder)
    {
        builder.ToTable("ProceedingsSettings");
        builder.HasKey(s => s.EventId);
        builder.HasOne<Event>().WithOne().HasForeignKey<ProceedingsSettings>(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
