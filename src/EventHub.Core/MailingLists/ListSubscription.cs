using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.MailingLists;

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
