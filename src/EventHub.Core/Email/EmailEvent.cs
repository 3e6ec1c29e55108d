namespace EventHub.Core.Email;

/// <summary>
/// What a message says about an event: the few facts templates and calendar invites need. Email loads it through
/// <see cref="IEmailEventSource"/>, so it never reads the Events feature's entity.
/// </summary>
public sealed record EmailEvent
{
    public required int Id { get; init; }

    public int? SeriesId { get; init; }

    /// <summary>The series' name and address, for "tell me about the next one"; null for an event on its own.</summary>
    public string? SeriesName { get; init; }

    public string? SeriesSlug { get; init; }

    public required string Title { get; init; }

    public required string Slug { get; init; }

    public string Summary { get; init; } = string.Empty;

    public DateTime StartUtc { get; init; }

    public DateTime EndUtc { get; init; }

    public required string TimeZoneId { get; init; }

    public string VenueName { get; init; } = string.Empty;

    public string VenueAddress { get; init; } = string.Empty;

    public string OnlineUrl { get; init; } = string.Empty;

    /// <summary>The event's status by name ("Published", "Cancelled", ...): a change re-issues the calendar invite.</summary>
    public required string Status { get; init; }

    /// <summary>When the event last changed: the invite's DTSTAMP.</summary>
    public DateTime ChangedUtc { get; init; }

    /// <summary>The venue and its address on one line, or the online link when there is no venue.</summary>
    public string Place
    {
        get
        {
            var where = string.Join(", ", new[] { VenueName, VenueAddress.Replace("\n", ", ", StringComparison.Ordinal) }
                .Where(s => !string.IsNullOrWhiteSpace(s)));
            return where.Length == 0 ? OnlineUrl : where;
        }
    }
}
