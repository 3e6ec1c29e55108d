using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Bookings;

public enum BookingStatus
{
    Confirmed = 1,
    AwaitingApproval = 2,

    /// <summary>A place is held for this person until <see cref="Booking.OfferExpiresUtc"/>.</summary>
    Offered = 3,
    Waiting = 4,
    Cancelled = 5,
    Declined = 6,
}

/// <summary>
/// One person's booking, request or waiting-list entry for one event. Confirmed and Offered bookings hold a place
/// (counted in Event.PlacesTaken and TicketType.PlacesTaken); the others do not.
/// </summary>
public sealed class Booking
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public int? TicketTypeId { get; set; }

    public TicketType? TicketType { get; set; }

    /// <summary>Short, human-readable and unique: what people quote on the phone ("K7QM-3XPA").</summary>
    public required string Reference { get; set; }

    /// <summary>The private manage-link token (SecureTokens, 160 bits).</summary>
    public required string ManageToken { get; set; }

    /// <summary>What the QR on the ticket encodes; unguessable and unrelated to the id.</summary>
    public required string CheckInCode { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>Trimmed, lower-cased email; unique per event so one person holds one booking.</summary>
    public required string NormalisedEmail { get; set; }

    public string Organisation { get; set; } = string.Empty;

    public string JobTitle { get; set; } = string.Empty;

    /// <summary>Kept apart from other answers: only organisers see it.</summary>
    public string DietaryNeeds { get; set; } = string.Empty;

    /// <summary>Kept apart from other answers: only organisers see it.</summary>
    public string AccessNeeds { get; set; } = string.Empty;

    public BookingStatus Status { get; set; }

    /// <summary>Orders the waiting list (lower first, then Id). Set on joining; organisers can move people up.</summary>
    public long WaitlistRank { get; set; }

    public DateTime? OfferExpiresUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? ConsentUtc { get; set; }

    public DateTime? CancelledUtc { get; set; }

    public string? CancelReason { get; set; }

    public List<BookingAnswer> Answers { get; set; } = [];

    public List<SessionBooking> Sessions { get; set; } = [];

    public bool HoldsPlace => Status is BookingStatus.Confirmed or BookingStatus.Offered;

    public bool NeedsAttention => DietaryNeeds.Length > 0 || AccessNeeds.Length > 0;
}

/// <summary>An answer to one registration question; multiple choices are stored one per line.</summary>
public sealed class BookingAnswer
{
    public int Id { get; set; }

    public int BookingId { get; set; }

    public int QuestionId { get; set; }

    public string Value { get; set; } = string.Empty;
}

public enum SessionBookingStatus
{
    Confirmed = 1,
    Waiting = 2,
}

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

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("Bookings");
        builder.Property(b => b.Reference).HasMaxLength(16);
        builder.Property(b => b.ManageToken).HasMaxLength(64);
        builder.Property(b => b.CheckInCode).HasMaxLength(64);
        builder.Property(b => b.Name).HasMaxLength(BookingRules.MaxNameLength);
        builder.Property(b => b.Email).HasMaxLength(Common.EmailAddresses.MaxLength);
        builder.Property(b => b.NormalisedEmail).HasMaxLength(Common.EmailAddresses.MaxLength);
        builder.Property(b => b.Organisation).HasMaxLength(BookingRules.MaxNameLength);
        builder.Property(b => b.JobTitle).HasMaxLength(BookingRules.MaxNameLength);
        builder.Property(b => b.DietaryNeeds).HasMaxLength(BookingRules.MaxNeedsLength);
        builder.Property(b => b.AccessNeeds).HasMaxLength(BookingRules.MaxNeedsLength);
        builder.Property(b => b.CancelReason).HasMaxLength(BookingRules.MaxNeedsLength);
        builder.HasIndex(b => new { b.EventId, b.NormalisedEmail }).IsUnique();
        builder.HasIndex(b => b.Reference).IsUnique();
        builder.HasIndex(b => b.ManageToken).IsUnique();
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
