using System.Security.Cryptography;
using System.Text;
using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.MailingLists;

/// <summary>Why someone was given a priority booking link when an edition was announced.</summary>
public enum PriorityGrantReason
{
    /// <summary>A confirmed subscriber of the series' mailing list.</summary>
    Subscriber = 1,

    /// <summary>On the waiting list of the series' previous edition and never got a place.</summary>
    PreviousWaiter = 2,
}

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

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
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

/// <summary>
/// Booking's seam for the mailing lists' priority links: valid for its own edition while that edition is published
/// and has not started (cancelling the edition withdraws every link).
/// </summary>
public sealed class ListPriority(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock) : IPriorityAccess
{
    public async Task<bool> AllowsAsync(int eventId, string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > PriorityAccess.MaxTokenLength)
        {
            return false;
        }

        var hash = PriorityGrant.HashOf(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<PriorityGrant>().AsNoTracking()
            .AnyAsync(g => g.TokenHash == hash && g.EventId == eventId
                && db.Events.Any(e => e.Id == eventId && e.Status == EventStatus.Published && e.StartUtc > now), ct);
    }
}
