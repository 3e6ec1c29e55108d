using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.FollowUps;

/// <summary>When an event's reminders go out, as offsets before its start. An event without a row uses the defaults.</summary>
public sealed class ReminderSettings
{
    public int EventId { get; set; }

    /// <summary>Offsets in minutes, largest first, comma separated ("10080,1440" is 7 days and 1 day).</summary>
    public string OffsetMinutes { get; set; } = string.Empty;
}

/// <summary>
/// One reminder queued for one booking at one offset. The unique index on (BookingId, OffsetMinutes) is what makes
/// "once per booking per offset" hold across restarts and across two app instances sweeping at once.
/// </summary>
public sealed class ReminderSent
{
    public long Id { get; set; }

    public int BookingId { get; set; }

    public int OffsetMinutes { get; set; }

    public DateTime QueuedUtc { get; set; }
}

/// <summary>An attendee answered "yes, keep my place" to a reminder.</summary>
public sealed class PlaceKept
{
    public int BookingId { get; set; }

    public DateTime KeptUtc { get; set; }
}

public enum BulkAudience
{
    /// <summary>Everyone with a confirmed place.</summary>
    Confirmed = 0,

    /// <summary>Everyone on the waiting list, including anyone holding an offer they have not yet accepted.</summary>
    Waiting = 1,
}

/// <summary>A message an organiser sent to an event's attendees (or waiting list); each recipient's copy is an outbox row.</summary>
public sealed class BulkEmail
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 20_000;

    public int Id { get; set; }

    public int EventId { get; set; }

    public BulkAudience Audience { get; set; }

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

internal sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettings>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> builder)
    {
        builder.ToTable("ReminderSettings");
        builder.HasKey(s => s.EventId);
        builder.Property(s => s.EventId).ValueGeneratedNever();
        builder.Property(s => s.OffsetMinutes).HasMaxLength(200);
        builder.HasOne<Events.Event>().WithOne().HasForeignKey<ReminderSettings>(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderSentConfiguration : IEntityTypeConfiguration<ReminderSent>
{
    public void Configure(EntityTypeBuilder<ReminderSent> builder)
    {
        builder.ToTable("RemindersSent");
        builder.HasIndex(r => new { r.BookingId, r.OffsetMinutes }).IsUnique();
        builder.HasOne<Bookings.Booking>().WithMany().HasForeignKey(r => r.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlaceKeptConfiguration : IEntityTypeConfiguration<PlaceKept>
{
    public void Configure(EntityTypeBuilder<PlaceKept> builder)
    {
        builder.ToTable("PlacesKept");
        builder.HasKey(p => p.BookingId);
        builder.Property(p => p.BookingId).ValueGeneratedNever();
        builder.HasOne<Bookings.Booking>().WithOne().HasForeignKey<PlaceKept>(p => p.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
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
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(b => b.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
