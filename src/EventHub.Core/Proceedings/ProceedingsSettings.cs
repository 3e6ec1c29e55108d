using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Proceedings;

/// <summary>Per-event choices for the record of the day.</summary>
public sealed class ProceedingsSettings
{
    public const long DefaultMaxUploadBytes = 25L * 1024 * 1024;

    public const int DefaultMaxFilesPerSession = 20;

    public const int DefaultMaxFilesPerLink = 10;

    public int EventId { get; set; }

    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>Write-ups appear at once instead of waiting for an organiser.</summary>
    public bool TrustContributors { get; set; }

    public bool IsPublished { get; set; }

    /// <summary>What others may do with the published record (default CC BY 4.0).</summary>
    public ProceedingsLicence Licence { get; set; } = ProceedingsLicence.CcBy4;

    /// <summary>Material added through a notes link waits for an organiser before it shows publicly.</summary>
    public bool ApproveMaterials { get; set; }

    /// <summary>Most files one session may hold; null for <see cref="DefaultMaxFilesPerSession"/>.</summary>
    public int? MaxFilesPerSession { get; set; }

    /// <summary>Most files one notes link may add; null for <see cref="DefaultMaxFilesPerLink"/>.</summary>
    public int? MaxFilesPerLink { get; set; }

    public int FilesPerSession => MaxFilesPerSession ?? DefaultMaxFilesPerSession;

    public int FilesPerLink => MaxFilesPerLink ?? DefaultMaxFilesPerLink;

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
