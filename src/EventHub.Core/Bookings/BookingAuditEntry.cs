using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Bookings;

/// <summary>One organiser action on a booking: who, what, when.</summary>
public sealed class BookingAuditEntry
{
    public long Id { get; set; }

    public int EventId { get; set; }

    public int? BookingId { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public string Detail { get; set; } = string.Empty;

    public DateTime AtUtc { get; set; }
}

internal sealed class BookingAuditEntryConfiguration : IEntityTypeConfiguration<BookingAuditEntry>
{
    public void Configure(EntityTypeBuilder<BookingAuditEntry> builder)
    {
        builder.ToTable("BookingAudit");
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.HasIndex(a => new { a.EventId, a.AtUtc });
    }
}
