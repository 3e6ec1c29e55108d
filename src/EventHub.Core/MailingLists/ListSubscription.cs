using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.MailingLists;

/// <summary>One address on a series' "tell me about the next one" list (double opt-in). Its links are <see cref="ListLink"/> rows.</summary>
public sealed class ListSubscription
{
    public int Id { get; set; }

    public int SeriesId { get; set; }

    public EventSeries? Series { get; set; }

    /// <summary>Normalised (trimmed, lower case), so one person is one row.</summary>
    public required string Email { get; set; }

    public string Name { get; set; } = string.Empty;

    public SubscriptionStatus Status { get; set; }

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
        builder.HasIndex(s => new { s.SeriesId, s.Email }).IsUnique();
        builder.HasIndex(s => new { s.SeriesId, s.Status });
        builder.HasOne(s => s.Series).WithMany().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
