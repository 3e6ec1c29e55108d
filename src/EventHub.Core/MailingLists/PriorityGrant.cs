using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.MailingLists;

/// <summary>
/// One person's priority booking link for one edition. Only a SHA-256 hash of the token is kept here, so a copy of
/// this table cannot be turned back into working links; the token itself travels once, in the email.
/// </summary>
public sealed class PriorityGrant
{
    public int Id { get; set; }

    public int EventId { get; set; }

    /// <summary>Hex SHA-256 of the token (the token is 160 random bits, so no salt is needed).</summary>
    public required string TokenHash { get; set; }

    /// <summary>Normalised address the link was sent to: one link per person per edition.</summary>
    public required string Email { get; set; }

    public PriorityGrantReason Reason { get; set; }

    public int? SubscriptionId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public static string HashOf(string token) => Common.SecureTokens.Hash(token);
}

internal sealed class PriorityGrantConfiguration : IEntityTypeConfiguration<PriorityGrant>
{
    public void Configure(EntityTypeBuilder<PriorityGrant> builder)
    {
        builder.ToTable("ListPriorityGrants");
        builder.Property(g => g.TokenHash).HasMaxLength(64);
        builder.Property(g => g.Email).HasMaxLength(Common.EmailAddresses.MaxLength);
        builder.HasIndex(g => g.TokenHash).IsUnique();
        builder.HasIndex(g => new { g.EventId, g.Email }).IsUnique();
        builder.HasOne<Event>().WithMany().HasForeignKey(g => g.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ListSubscription>().WithMany().HasForeignKey(g => g.SubscriptionId).OnDelete(DeleteBehavior.SetNull);
    }
}
