using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Email;

/// <summary>
/// An email that must not be lost, written in the same transaction as the change that causes it
/// and delivered later by a background service. <see cref="Template"/> names what to render and
/// <see cref="PayloadJson"/> carries the values it needs.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string Template { get; set; }

    public required string ToEmail { get; set; }

    public string ToName { get; set; } = string.Empty;

    public string PayloadJson { get; set; } = "{}";

    public int? EventId { get; set; }

    /// <summary>Stable across retries so a resend can be recognised as the same message.</summary>
    public required string MessageId { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>The subject as rendered at the last attempt, for the Outgoing mail page.</summary>
    public string? Subject { get; set; }

    /// <summary>The normalised address, for mail nobody asked for (see <see cref="UnrequestedMail"/>); null otherwise.</summary>
    public string? UnrequestedTo { get; set; }

    /// <summary>Set while a delivery worker holds the message; the claim lapses at <see cref="NextAttemptUtc"/>.</summary>
    public string? ClaimToken { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Template).HasMaxLength(64);
        builder.Property(m => m.ToEmail).HasMaxLength(320);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(400);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.ClaimToken).HasMaxLength(64);
        builder.Property(m => m.UnrequestedTo).HasMaxLength(320);
        builder.HasIndex(m => m.ClaimToken);
        builder.HasIndex(m => new { m.UnrequestedTo, m.CreatedUtc });
        builder.HasIndex(m => new { m.EventId, m.Status });
        builder.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        builder.HasIndex(m => m.MessageId).IsUnique();
    }
}
