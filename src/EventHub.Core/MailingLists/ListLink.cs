using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.MailingLists;

/// <summary>
/// One confirm or unsubscribe link sent to a list subscriber. Only the SHA-256 of its token is kept; each mail mints
/// its own (see <see cref="ListLinks"/>), and they go with the subscription (erasure) or when the person signs up again.
/// </summary>
public sealed class ListLink
{
    public long Id { get; set; }

    public int SubscriptionId { get; set; }

    public ListSubscription? Subscription { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token (<see cref="Common.SecureTokens.Hash"/>).</summary>
    public required string TokenHash { get; set; }

    /// <summary><see cref="ListLinks.Confirm"/> or <see cref="ListLinks.Unsubscribe"/>: a link does only what it was sent for.</summary>
    public required string Purpose { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class ListLinkConfiguration : IEntityTypeConfiguration<ListLink>
{
    public void Configure(EntityTypeBuilder<ListLink> builder)
    {
        builder.ToTable("ListLinks");
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.Purpose).HasMaxLength(32);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.SubscriptionId);
        builder.HasOne(l => l.Subscription).WithMany().HasForeignKey(l => l.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
