using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.FollowUps;

/// <summary>A message an organiser sent to an event's attendees (or waiting list); each recipient's copy is an outbox row.</summary>
public sealed class BulkEmail
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 20_000;

    public int Id { get; set; }

    public int EventId { get; set; }

    public BulkAudience Audience { get; set; }

    public BulkEmailKind Kind { get; set; }

    public required string Subject { get; set; }

    public required string BodyMarkdown { get; set; }

    public string ReplyToAddress { get; set; } = string.Empty;

    public string ReplyToName { get; set; } = string.Empty;

    public required string SentById { get; set; }

    public required string SentByName { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>How many people it was for when it was started.</summary>
    public int Recipients { get; set; }

    /// <summary>How many copies are in the outbox so far.</summary>
    public int Queued { get; set; }

    /// <summary>The last booking a copy was queued for: batches go in booking order, so this is where to go on from.</summary>
    public int LastBookingId { get; set; }

    public DateTime? FinishedUtc { get; set; }
}

internal sealed class BulkEmailConfiguration : IEntityTypeConfiguration<BulkEmail>
{
    public void Configure(EntityTypeBuilder<BulkEmail> builder)
    {
        builder.ToTable("BulkEmails");
        builder.Property(b => b.Subject).HasMaxLength(BulkEmail.MaxSubjectLength);
        builder.Property(b => b.BodyMarkdown).HasMaxLength(BulkEmail.MaxBodyLength);
        builder.Property(b => b.ReplyToAddress).HasMaxLength(Common.EmailAddresses.MaxLength);
        builder.Property(b => b.ReplyToName).HasMaxLength(200);
        builder.Property(b => b.SentById).HasMaxLength(450);
        builder.Property(b => b.SentByName).HasMaxLength(200);
        builder.HasIndex(b => new { b.EventId, b.CreatedUtc });
        // The follow-up goes once per event, however many organisers press the button at once.
        builder.HasIndex(b => b.EventId).IsUnique().HasFilter("\"Kind\" = 1").HasDatabaseName("IX_BulkEmails_EventId_FollowUp");
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(b => b.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
