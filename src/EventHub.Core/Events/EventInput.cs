namespace EventHub.Core.Events;

/// <summary>What an organiser types into the event form. Times are wall-clock times in <see cref="TimeZoneId"/>.</summary>
public sealed class EventInput
{
    public int? SeriesId { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>Leave empty to generate one from the title.</summary>
    public string Slug { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public EventKind Kind { get; set; }

    public string VenueName { get; set; } = string.Empty;

    public string VenueAddress { get; set; } = string.Empty;

    public string OnlineUrl { get; set; } = string.Empty;

    /// <summary>Comma-separated: "digital, housing".</summary>
    public string Tags { get; set; } = string.Empty;

    /// <summary>Leave empty to use the series' privacy notice, or the site's default.</summary>
    public string PrivacyNotice { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = Common.EventTime.DefaultTimeZoneId;

    public DateTime? StartLocal { get; set; }

    public DateTime? EndLocal { get; set; }

    public int? Capacity { get; set; }

    public DateTime? BookingOpensLocal { get; set; }

    public DateTime? BookingClosesLocal { get; set; }

    public static EventInput From(Event e) => new()
    {
        SeriesId = e.SeriesId,
        Title = e.Title,
        Slug = e.Slug,
        Summary = e.Summary,
        Kind = e.Kind,
        VenueName = e.VenueName,
        VenueAddress = e.VenueAddress,
        OnlineUrl = e.OnlineUrl,
        Tags = EventTags.ForInput(e.Tags),
        PrivacyNotice = e.PrivacyNotice,
        TimeZoneId = e.TimeZoneId,
        StartLocal = Common.EventTime.ToLocal(e.StartUtc, e.TimeZoneId),
        EndLocal = Common.EventTime.ToLocal(e.EndUtc, e.TimeZoneId),
        Capacity = e.Capacity,
        BookingOpensLocal = e.BookingOpensUtc is { } o ? Common.EventTime.ToLocal(o, e.TimeZoneId) : null,
        BookingClosesLocal = e.BookingClosesUtc is { } c ? Common.EventTime.ToLocal(c, e.TimeZoneId) : null,
    };
}
