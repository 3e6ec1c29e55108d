using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.FollowUps;

/// <summary>An attendee answered "yes, keep my place" to a reminder.</summary>
public sealed class PlaceKept
{
    public int BookingId { get; set; }

    public DateTime KeptUtc { get; set; }
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
