using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.MailingLists;

/// <summary>
/// One confirm or unsubscribe link sent to a list subscriber. Only the SHA-256 of its token is kept; each mail mints
/// its own (see <see cref="ListLinks"/>), and they go with the subscription (erasure) or when the person signs up again.
/// Its purpose is <see cref="ListLinks.Confirm"/> or <see cref="ListLinks.Unsubscribe"/>: a link does only what it was sent for.
/// </summary>
public sealed class ListLink : Common.HashedLink
{
    public int SubscriptionId { get; set; }

    public ListSubscription? Subscription { get; set; }
}

internal sealed class ListLinkConfiguration : IEntityTypeConfiguration<ListLink>
{
    public void Configure(EntityTypeBuilder<ListLink> builder)
    {
        Common.HashedLink.Configure(builder, "ListLinks", purposeLength: 32);
        builder.HasIndex(l => l.SubscriptionId);
        builder.HasOne(l => l.Subscription).WithMany().HasForeignKey(l => l.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
