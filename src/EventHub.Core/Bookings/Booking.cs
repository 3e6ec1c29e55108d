using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Bookings;

/// <summary>
/// One person's booking, request or waiting-list entry for one event. Confirmed, Offered and Held bookings hold a place
/// (counted in Event.PlacesTaken and TicketType.PlacesTaken); the others do not.
/// </summary>
public sealed class Booking : IBelongsToEvent
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public int? TicketTypeId { get; set; }

    public TicketType? TicketType { get; set; }

    /// <summary>Short, human-readable and unique: what people quote on the phone ("K7QM-3XPA").</summary>
    public required string Reference { get; set; }

    /// <summary>SHA-256 of the priority link that let this booking in before booking opened to everyone (each link books once).</summary>
    public string? PriorityTokenHash { get; set; }

    /// <summary>What the QR on the ticket encodes; unguessable and unrelated to the id.</summary>
    public required string CheckInCode { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>Trimmed, lower-cased email; unique per event so one person holds one booking.</summary>
    public required string NormalisedEmail { get; set; }

    public string Organisation { get; set; } = string.Empty;

    /// <summary>
    /// The part of the address after the @ ("devon.gov.uk"), kept when the address itself is anonymised so
    /// organisers can still compare which organisations came.
    /// </summary>
    public string EmailDomain { get; set; } = string.Empty;

    public string JobTitle { get; set; } = string.Empty;

    /// <summary>Kept apart from other answers: only organisers see it.</summary>
    public string DietaryNeeds { get; set; } = string.Empty;

    /// <summary>Kept apart from other answers: only organisers see it.</summary>
    public string AccessNeeds { get; set; } = string.Empty;

    public BookingStatus Status { get; set; }

    /// <summary>Orders the waiting list (lower first, then Id). Set on joining; organisers can move people up.</summary>
    public long WaitlistRank { get; set; }

    /// <summary>Until when an Offered place waits to be accepted, or a Held place waits for the email address to be confirmed.</summary>
    public DateTime? OfferExpiresUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? ConsentUtc { get; set; }

    public DateTime? CancelledUtc { get; set; }

    /// <summary>
    /// Set by the retention job just before it removes the addresses that could tell: this person had a confirmed
    /// booking for an earlier edition of the series. Keeps the series' repeat-attendee figure after anonymisation.
    /// </summary>
    public bool BookedEarlierEdition { get; set; }

    public string? CancelReason { get; set; }

    public List<BookingAnswer> Answers { get; set; } = [];

    public List<SessionBooking> Sessions { get; set; } = [];

    public bool HoldsPlace => Status is BookingStatus.Confirmed or BookingStatus.Offered or BookingStatus.Held;

    public bool NeedsAttention => DietaryNeeds.Length > 0 || AccessNeeds.Length > 0;
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("Bookings");
        builder.Property(b => b.Reference).HasMaxLength(16);
        builder.Property(b => b.CheckInCode).HasMaxLength(64);
        builder.Property(b => b.Name).HasMaxLength(BookingRules.MaxNameLength);
        builder.Property(b => b.Email).HasMaxLength(Common.EmailAddresses.MaxLength);
        builder.Property(b => b.NormalisedEmail).HasMaxLength(Common.EmailAddresses.MaxLength);
        builder.Property(b => b.Organisation).HasMaxLength(BookingRules.MaxNameLength);
        builder.Property(b => b.EmailDomain).HasMaxLength(Common.EmailAddresses.MaxLength);
        builder.Property(b => b.JobTitle).HasMaxLength(BookingRules.MaxNameLength);
        builder.Property(b => b.DietaryNeeds).HasMaxLength(BookingRules.MaxNeedsLength);
        builder.Property(b => b.AccessNeeds).HasMaxLength(BookingRules.MaxNeedsLength);
        builder.Property(b => b.CancelReason).HasMaxLength(BookingRules.MaxNeedsLength);
        // One active booking per address per event: a cancelled or declined one does not stop booking again.
        builder.HasIndex(b => new { b.EventId, b.NormalisedEmail }).IsUnique()
            .HasFilter($"\"Status\" NOT IN ({(int)BookingStatus.Cancelled}, {(int)BookingStatus.Declined})");
        builder.Property(b => b.PriorityTokenHash).HasMaxLength(64);
        builder.HasIndex(b => b.PriorityTokenHash).IsUnique().HasFilter("\"PriorityTokenHash\" IS NOT NULL");
        builder.HasIndex(b => b.Reference).IsUnique();
        builder.HasIndex(b => b.CheckInCode).IsUnique();
        builder.HasIndex(b => new { b.EventId, b.Status, b.WaitlistRank });
        builder.HasIndex(b => new { b.Status, b.OfferExpiresUtc });
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(b => b.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.TicketType).WithMany().HasForeignKey(b => b.TicketTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Answers).WithOne().HasForeignKey(a => a.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Sessions).WithOne(s => s.Booking).HasForeignKey(s => s.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(b => b.HoldsPlace);
        builder.Ignore(b => b.NeedsAttention);
    }
}
