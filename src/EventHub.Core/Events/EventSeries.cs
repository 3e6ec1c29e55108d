using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Events;

/// <summary>A run of editions of one event, e.g. "Devon Social Media Forum".</summary>
public sealed class EventSeries
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Slug { get; set; }

    public string Description { get; set; } = string.Empty;

    /// <summary>The series' privacy notice in Markdown, used by editions without their own; empty means the site's default.</summary>
    public string PrivacyNotice { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public List<Event> Events { get; set; } = [];
}

internal sealed class EventSeriesConfiguration : IEntityTypeConfiguration<EventSeries>
{
    public void Configure(EntityTypeBuilder<EventSeries> builder)
    {
        builder.ToTable("Series");
        builder.Property(s => s.Name).HasMaxLength(EventRules.MaxTitleLength);
        builder.Property(s => s.Slug).HasMaxLength(Common.Slugs.MaxLength);
        builder.Property(s => s.Description).HasMaxLength(EventRules.MaxSummaryLength);
        builder.Property(s => s.PrivacyNotice).HasMaxLength(EventRules.MaxSummaryLength);
        builder.HasIndex(s => s.Slug).IsUnique();
    }
}
