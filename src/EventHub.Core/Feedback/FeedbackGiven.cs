using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Feedback;

/// <summary>
/// That a booking has given its feedback (one answer per booking; the key makes it so under concurrency). It says
/// nothing of what was answered.
/// </summary>
public sealed class FeedbackGiven
{
    public int BookingId { get; set; }

    public int EventId { get; set; }
}

internal sealed class FeedbackGivenConfiguration : IEntityTypeConfiguration<FeedbackGiven>
{
    public void Configure(EntityTypeBuilder<FeedbackGiven> builder)
    {
        builder.ToTable("FeedbackGiven");
        builder.HasKey(g => g.BookingId);
        builder.Property(g => g.BookingId).ValueGeneratedNever();
        builder.HasIndex(g => g.EventId);
        builder.HasOne<Bookings.Booking>().WithMany().HasForeignKey(g => g.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}
