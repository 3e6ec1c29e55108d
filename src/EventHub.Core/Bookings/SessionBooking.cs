using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Bookings;

/// <summary>A confirmed booking's place (or waiting-list entry) in one session.</summary>
public sealed class SessionBooking
{
    public int Id { get; set; }

    public int BookingId { get; set; }

    public Booking? Booking { get; set; }

    public int SessionId { get; set; }

    public SessionBookingStatus Status { get; set; }

    public long WaitlistRank { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class SessionBookingConfiguration : IEntityTypeConfiguration<SessionBooking>
{
    public void Configure(EntityTypeBuilder<SessionBooking> builder)
    {
        builder.ToTable("SessionBookings");
        builder.HasIndex(s => new { s.BookingId, s.SessionId }).IsUnique();
        builder.HasIndex(s => new { s.SessionId, s.Status, s.WaitlistRank });
        builder.HasOne<Events.Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
