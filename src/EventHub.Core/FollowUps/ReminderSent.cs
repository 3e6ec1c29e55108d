using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.FollowUps;

/// <summary>
/// One reminder queued for one booking at one offset. The unique index on (BookingId, OffsetMinutes) is what makes
/// "once per booking per offset" hold across restarts and across two app instances sweeping at once.
/// </summary>
public sealed class ReminderSent
{
    public long Id { get; set; }

    public int BookingId { get; set; }

    /// <summary>Minutes before the start; <see cref="ReminderService.EventStartingMarker"/> marks the "event starting" mail.</summary>
    public int OffsetMinutes { get; set; }

    public DateTime QueuedUtc { get; set; }
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
