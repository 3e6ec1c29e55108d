using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.MailingLists;

/// <summary>That an edition was announced to its series' list, so it is not announced twice by accident.</summary>
public sealed class ListAnnouncement
{
    public int EventId { get; set; }

    public DateTime AnnouncedUtc { get; set; }

    public int Recipients { get; set; }

    public string AnnouncedBy { get; set; } = string.Empty;
}

internal sealed class ListAnnouncementConfiguration : IEntityTypeConfiguration<ListAnnouncement>
{
    public void Configure(EntityTypeBuilder<ListAnnouncement> builder)
    {
        builder.ToTable("ListAnnouncements");
        builder.HasKey(a => a.EventId);
        builder.Property(a => a.EventId).ValueGeneratedNever();
        builder.Property(a => a.AnnouncedBy).HasMaxLength(200);
        builder.HasOne<Event>().WithOne().HasForeignKey<ListAnnouncement>(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
