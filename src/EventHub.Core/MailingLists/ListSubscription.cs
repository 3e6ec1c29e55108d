using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.MailingLists;

public enum SubscriptionStatus
{
    /// <summary>Signed up, confirmation link not clicked yet: gets no list mail.</summary>
    Pending = 0,
    Confirmed = 1,
    Unsubscribed = 2,
}

/// <summary>One address on a series' "tell me about the next one" list (double opt-in).</summary>
public sealed class ListSubscription
{
    public int Id { get; set; }

    public int SeriesId { get; set; }

    public EventSeries? Series { get; set; }

    /// <summary>Normalised (trimmed, lower case), so one person is one row.</summary>
    public required string Email { get; set; }

    public string Name { get; set; } = string.Empty;

    public SubscriptionStatus Status { get; set; }

    public required string ConfirmToken { get; set; }

    public required string UnsubscribeToken { get; set; }

    /// <summary>When the person ticked the consent box: the record of their permission.</summary>
    public DateTime ConsentUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ConfirmedUtc { get; set; }

    public DateTime? UnsubscribedUtc { get; set; }
}

/// <summary>That an edition was announced to its series' list, so it is not announced twice by accident.</summary>
public sealed class ListAnnouncement
{
    public int EventId { get; set; }

    public DateTime AnnouncedUtc { get; set; }

    public int Recipients { get; set; }

    public string AnnouncedBy { get; set; } = string.Empty;
}

internal sealed class ListSubscriptionConfiguration : IEntityTypeConfiguration<ListSubscription>
{
    public void Configure(EntityTypeBuilder<ListSubscription> builder)
    {
        builder.ToTable("ListSubscriptions");
        builder.Property(s => s.Email).HasMaxLength(Common.EmailAddresses.MaxLength);
        builder.Property(s => s.Name).HasMaxLength(MailingListRules.MaxNameLength);
        builder.Property(s => s.ConfirmToken).HasMaxLength(64);
        builder.Property(s => s.UnsubscribeToken).HasMaxLength(64);
        builder.HasIndex(s => new { s.SeriesId, s.Email }).IsUnique();
        builder.HasIndex(s => new { s.SeriesId, s.Status });
        builder.HasIndex(s => s.ConfirmToken).IsUnique();
        builder.HasIndex(s => s.UnsubscribeToken).IsUnique();
        builder.HasOne(s => s.Series).WithMany().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
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
