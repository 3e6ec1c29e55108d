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

/// <summary>A link that opens the check-in page for one event, within a time window, without an account.</summary>
public sealed class DoorLink
{
    public int Id { get; set; }

    public int EventId { get; set; }

    /// <summary>SecureTokens (160 bits): the only secret in the link.</summary>
    public required string Token { get; set; }

    /// <summary>Names the device or volunteer ("Main entrance phone").</summary>
    public required string Label { get; set; }

    public DateTime ValidFromUtc { get; set; }

    public DateTime ValidUntilUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public bool IsOpenAt(DateTime nowUtc) => RevokedUtc is null && nowUtc >= ValidFromUtc && nowUtc < ValidUntilUtc;
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

internal sealed class DoorLinkConfiguration : IEntityTypeConfiguration<DoorLink>
{
    public void Configure(EntityTypeBuilder<DoorLink> builder)
    {
        builder.ToTable("DoorLinks");
        builder.Property(d => d.Token).HasMaxLength(64);
        builder.Property(d => d.Label).HasMaxLength(CheckInRules.MaxLabelLength);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.HasIndex(d => d.Token).IsUnique();
        builder.HasIndex(d => d.EventId);
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
