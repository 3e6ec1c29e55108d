using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.CheckIn;

/// <summary>
/// One ticket let in at two doors that could not see each other (at least one of them offline). Both scans are kept
/// here; the <see cref="CheckInRecord"/> keeps the earlier one, and the organiser sees the pair on the attendance page.
/// </summary>
public sealed class CheckInConflict
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public int BookingId { get; set; }

    /// <summary>The first scan: the time the check-in record keeps.</summary>
    public DateTime KeptUtc { get; set; }

    public required string KeptBy { get; set; }

    /// <summary>The later scan of the same ticket, at another door.</summary>
    public DateTime OtherUtc { get; set; }

    public required string OtherBy { get; set; }

    /// <summary>When the second scan reached the server.</summary>
    public DateTime RecordedUtc { get; set; }
}

internal sealed class CheckInConflictConfiguration : IEntityTypeConfiguration<CheckInConflict>
{
    public void Configure(EntityTypeBuilder<CheckInConflict> builder)
    {
        builder.ToTable("CheckInConflicts");
        builder.Property(c => c.KeptBy).HasMaxLength(200);
        builder.Property(c => c.OtherBy).HasMaxLength(200);
        builder.HasIndex(c => c.EventId);
        builder.HasIndex(c => c.BookingId);
        builder.HasOne<Bookings.Booking>().WithMany().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
