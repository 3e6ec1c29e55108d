using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.NewsRoom;

/// <summary>One short notice to everyone at an event ("Lunch is served"), posted by its organisers or facilitators.</summary>
public sealed class Announcement
{
    public int Id { get; set; }

    public int EventId { get; set; }

    /// <summary>Plain text on one line, shown as typed (never as Markdown or HTML).</summary>
    public required string Text { get; set; }

    /// <summary>The name shown beside it: the organiser who posted it.</summary>
    public required string PostedBy { get; set; }

    /// <summary>Who posted it, for the posting limit.</summary>
    public string? PostedByUserId { get; set; }

    public DateTime PostedUtc { get; set; }
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.ToTable("Announcements");
        builder.Property(a => a.Text).HasMaxLength(NewsRules.MaxLength);
        builder.Property(a => a.PostedBy).HasMaxLength(NewsRules.MaxNameLength);
        builder.Property(a => a.PostedByUserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.EventId, a.PostedUtc });
        builder.HasOne<Event>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
