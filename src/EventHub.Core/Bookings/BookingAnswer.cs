using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Bookings;

/// <summary>An answer to one registration question; multiple choices are stored one per line.</summary>
public sealed class BookingAnswer
{
    public int Id { get; set; }

    public int BookingId { get; set; }

    public int QuestionId { get; set; }

    public string Value { get; set; } = string.Empty;
}

internal sealed class BookingAnswerConfiguration : IEntityTypeConfiguration<BookingAnswer>
{
    public void Configure(EntityTypeBuilder<BookingAnswer> builder)
    {
        builder.ToTable("BookingAnswers");
        builder.Property(a => a.Value).HasMaxLength(BookingRules.MaxAnswerLength);
        builder.HasIndex(a => new { a.BookingId, a.QuestionId }).IsUnique();
        builder.HasOne<RegistrationQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
