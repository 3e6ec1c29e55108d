using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.CheckIn;

/// <summary>
/// One person through the door. At most one row per booking (unique index): the insert that wins is the check-in,
/// every other door that scans the same ticket at the same moment hits the index and reads "already checked in".
/// Undo deletes the row.
/// </summary>
public sealed class CheckInRecord
{
    public int Id { get; set; }

    public int BookingId { get; set; }

    public int EventId { get; set; }

    public DateTime CheckedInUtc { get; set; }

    /// <summary>The door link that made it, or null when an organiser did.</summary>
    public int? DoorLinkId { get; set; }

    /// <summary>The organiser's user id when an organiser made it.</summary>
    public string? OrganiserUserId { get; set; }

    /// <summary>What people see: the organiser's name or the door link's label.</summary>
    public required string CheckedInBy { get; set; }
}

internal sealed class CheckInRecordConfiguration : IEntityTypeConfiguration<CheckInRecord>
{
    public void Configure(EntityTypeBuilder<CheckInRecord> builder)
    {
        builder.ToTable("CheckIns");
        builder.Property(c => c.CheckedInBy).HasMaxLength(200);
        builder.Property(c => c.OrganiserUserId).HasMaxLength(450);
        builder.HasIndex(c => c.BookingId).IsUnique();
        builder.HasIndex(c => c.EventId);
        builder.HasOne<Bookings.Booking>().WithMany().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DoorLink>().WithMany().HasForeignKey(c => c.DoorLinkId).OnDelete(DeleteBehavior.SetNull);
    }
}
