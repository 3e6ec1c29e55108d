using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.CheckIn;

/// <summary>
/// A check-in that was taken back: the undo deletes the <see cref="CheckInRecord"/> (so the ticket can be scanned
/// again), and this row keeps who made the check-in, who undid it and when.
/// </summary>
public sealed class CheckInUndo
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public int BookingId { get; set; }

    public DateTime CheckedInUtc { get; set; }

    public required string CheckedInBy { get; set; }

    public DateTime UndoneUtc { get; set; }

    /// <summary>What people see: the organiser's name or the door link's label.</summary>
    public required string UndoneBy { get; set; }

    /// <summary>The door link that undid it, or null when an organiser did.</summary>
    public int? UndoneByDoorLinkId { get; set; }

    /// <summary>The organiser's user id when an organiser undid it.</summary>
    public string? UndoneByOrganiserUserId { get; set; }
}

internal sealed class CheckInUndoConfiguration : IEntityTypeConfiguration<CheckInUndo>
{
    public void Configure(EntityTypeBuilder<CheckInUndo> builder)
    {
        builder.ToTable("CheckInUndos");
        builder.Property(u => u.CheckedInBy).HasMaxLength(200);
        builder.Property(u => u.UndoneBy).HasMaxLength(200);
        builder.Property(u => u.UndoneByOrganiserUserId).HasMaxLength(450);
        builder.HasIndex(u => new { u.EventId, u.UndoneUtc });
        builder.HasOne<Bookings.Booking>().WithMany().HasForeignKey(u => u.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(u => u.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DoorLink>().WithMany().HasForeignKey(u => u.UndoneByDoorLinkId).OnDelete(DeleteBehavior.SetNull);
    }
}
