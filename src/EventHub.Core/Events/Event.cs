using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Events;

/// <summary>One edition: a dated event people book places at.</summary>
public sealed class Event
{
    public int Id { get; set; }

    public int? SeriesId { get; set; }

    public EventSeries? Series { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string Summary { get; set; } = string.Empty;

    public EventKind Kind { get; set; }

    public string VenueName { get; set; } = string.Empty;

    public string VenueAddress { get; set; } = string.Empty;

    public string OnlineUrl { get; set; } = string.Empty;

    /// <summary>The event's tags as stored by <see cref="EventTags.Store"/> (",digital,housing,"); empty for none.</summary>
    public string Tags { get; set; } = string.Empty;

    /// <summary>This edition's privacy notice in Markdown; empty means the series' notice, then the site's default.</summary>
    public string PrivacyNotice { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = Common.EventTime.DefaultTimeZoneId;

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public int Capacity { get; set; }

    /// <summary>Places held by confirmed bookings. Changed only by conditional updates so it never passes Capacity.</summary>
    public int PlacesTaken { get; set; }

    /// <summary>
    /// The most people on the waiting list at once: raised by Bookings when someone joins, never lowered, so the figure
    /// outlives the list (offers, cancellations and the retention job shorten it).
    /// </summary>
    public int WaitingPeak { get; set; }

    /// <summary>
    /// When the last place was taken, while every place is taken: set by Bookings as the event fills, cleared when a
    /// place comes back (a cancellation, more capacity), set again when it fills again. The series figures keep it.
    /// It is the room's: a hybrid event's online places have their own capacity and do not move it (the sell-out
    /// figures compare how fast the room filled across editions; the public pages count online places apart).
    /// </summary>
    public DateTime? SoldOutUtc { get; set; }

    public DateTime? BookingOpensUtc { get; set; }

    public DateTime? BookingClosesUtc { get; set; }

    public EventStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<Room> Rooms { get; set; } = [];

    public List<Session> Sessions { get; set; } = [];

    public bool IsPublic => Status is EventStatus.Published or EventStatus.Completed or EventStatus.Cancelled;

    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);

    /// <summary>Whether booking has closed at <paramref name="nowUtc"/> (see <see cref="EventRules.BookingClosesAt"/>).</summary>
    public bool BookingHasClosed(DateTime nowUtc) => nowUtc >= EventRules.BookingClosesAt(BookingClosesUtc, StartUtc);
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Title).HasMaxLength(EventRules.MaxTitleLength);
        builder.Property(e => e.Slug).HasMaxLength(Common.Slugs.MaxLength);
        builder.Property(e => e.Summary).HasMaxLength(EventRules.MaxSummaryLength);
        builder.Property(e => e.VenueName).HasMaxLength(EventRules.MaxVenueNameLength);
        builder.Property(e => e.VenueAddress).HasMaxLength(EventRules.MaxAddressLength);
        builder.Property(e => e.OnlineUrl).HasMaxLength(EventRules.MaxUrlLength);
        builder.Property(e => e.Tags).HasMaxLength(EventTags.MaxStoredLength);
        builder.Property(e => e.PrivacyNotice).HasMaxLength(EventRules.MaxSummaryLength);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasIndex(e => new { e.Status, e.StartUtc });
        builder.HasOne(e => e.Series).WithMany(s => s.Events).HasForeignKey(e => e.SeriesId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("CK_Events_PlacesTaken", "\"PlacesTaken\" >= 0 AND \"PlacesTaken\" <= \"Capacity\""));
        builder.Ignore(e => e.IsPublic);
        builder.Ignore(e => e.PlacesLeft);
    }
}
