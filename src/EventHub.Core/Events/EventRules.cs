using EventHub.Core.Common;

namespace EventHub.Core.Events;

/// <summary>The event rules that need no database: lengths, ranges, times. Pure functions.</summary>
public static class EventRules
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 10_000;
    public const int MaxVenueNameLength = 200;
    public const int MaxAddressLength = 500;
    public const int MaxUrlLength = 500;
    public const int MaxRoomNameLength = 100;
    public const int MaxNotesLength = 1_000;
    public const int MaxSpeakersLength = 500;
    public const int MaxCapacity = 100_000;

    /// <summary>The event's times converted to UTC, produced only when the input is valid.</summary>
    public sealed record EventTimes(DateTime StartUtc, DateTime EndUtc, DateTime? BookingOpensUtc, DateTime? BookingClosesUtc);

    /// <summary>
    /// When booking closes: the organiser's "Booking closes" time (which may be after the start, for walk-ins, up to
    /// the end), or the start when none is set. The allocator and every page that offers a place ask this one rule.
    /// </summary>
    public static DateTime BookingClosesAt(DateTime? bookingClosesUtc, DateTime startUtc) => bookingClosesUtc ?? startUtc;

    public static IReadOnlyList<FieldError> Validate(EventInput input, out EventTimes? times)
    {
        var errors = new List<FieldError>();
        times = null;

        Text(errors, nameof(EventInput.Title), "title", input.Title, MaxTitleLength, required: true);
        if (!string.IsNullOrWhiteSpace(input.Slug) && !Slugs.IsValid(input.Slug.Trim()))
        {
            errors.Add(new(nameof(EventInput.Slug),
                $"Web address must use only lower-case letters, numbers and single hyphens, and be {Slugs.MaxLength} characters or fewer"));
        }

        Text(errors, nameof(EventInput.Summary), "summary", input.Summary, MaxSummaryLength, required: false);
        Text(errors, nameof(EventInput.PrivacyNotice), "privacy notice", input.PrivacyNotice, MaxSummaryLength, required: false);
        Text(errors, nameof(EventInput.VenueName), "venue name", input.VenueName, MaxVenueNameLength, required: false);
        Text(errors, nameof(EventInput.VenueAddress), "venue address", input.VenueAddress, MaxAddressLength, required: false);
        if (!string.IsNullOrWhiteSpace(input.OnlineUrl))
        {
            if (input.OnlineUrl.Length > MaxUrlLength)
            {
                errors.Add(new(nameof(EventInput.OnlineUrl), $"Online link must be {MaxUrlLength} characters or fewer"));
            }
            else if (!IsWebAddress(input.OnlineUrl.Trim()))
            {
                errors.Add(new(nameof(EventInput.OnlineUrl), "Enter the online link as a full web address starting with https://"));
            }
        }

        EventTags.Parse(input.Tags, out var tagError);
        if (tagError is not null)
        {
            errors.Add(new(nameof(EventInput.Tags), tagError));
        }

        if (string.IsNullOrWhiteSpace(input.VenueName) && string.IsNullOrWhiteSpace(input.OnlineUrl))
        {
            errors.Add(new(nameof(EventInput.VenueName), "Enter a venue name or an online link"));
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(new(nameof(EventInput.Kind), "Select the kind of event"));
        }

        Capacity(errors, nameof(EventInput.Capacity), "Capacity", input.Capacity, required: true);

        if (!EventTime.TryFindZone(input.TimeZoneId, out var zone))
        {
            errors.Add(new(nameof(EventInput.TimeZoneId), "Select a time zone from the list"));
            return errors;
        }

        var start = LocalToUtc(errors, nameof(EventInput.StartLocal), "start", input.StartLocal, zone, required: true);
        var end = LocalToUtc(errors, nameof(EventInput.EndLocal), "end", input.EndLocal, zone, required: true);
        var opens = LocalToUtc(errors, nameof(EventInput.BookingOpensLocal), "booking opening", input.BookingOpensLocal, zone, required: false);
        var closes = LocalToUtc(errors, nameof(EventInput.BookingClosesLocal), "booking closing", input.BookingClosesLocal, zone, required: false);

        if (start is { } s && end is { } e && e <= s)
        {
            errors.Add(new(nameof(EventInput.EndLocal), "End must be after the start"));
        }

        if (opens is { } o && closes is { } c && c <= o)
        {
            errors.Add(new(nameof(EventInput.BookingClosesLocal), "Booking must close after it opens"));
        }

        if (closes is { } c2 && end is { } e2 && c2 > e2)
        {
            errors.Add(new(nameof(EventInput.BookingClosesLocal), "Booking must close before the event ends"));
        }

        if (errors.Count == 0)
        {
            times = new EventTimes(start!.Value, end!.Value, opens, closes);
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> Validate(SeriesInput input)
    {
        var errors = new List<FieldError>();
        Text(errors, nameof(SeriesInput.Name), "name", input.Name, MaxTitleLength, required: true);
        if (!string.IsNullOrWhiteSpace(input.Slug) && !Slugs.IsValid(input.Slug.Trim()))
        {
            errors.Add(new(nameof(SeriesInput.Slug),
                $"Web address must use only lower-case letters, numbers and single hyphens, and be {Slugs.MaxLength} characters or fewer"));
        }

        Text(errors, nameof(SeriesInput.Description), "description", input.Description, MaxSummaryLength, required: false);
        Text(errors, nameof(SeriesInput.PrivacyNotice), "privacy notice", input.PrivacyNotice, MaxSummaryLength, required: false);
        return errors;
    }

    public static IReadOnlyList<FieldError> Validate(RoomInput input)
    {
        var errors = new List<FieldError>();
        Text(errors, nameof(RoomInput.Name), "room name", input.Name, MaxRoomNameLength, required: true);
        Capacity(errors, nameof(RoomInput.Capacity), "Room capacity", input.Capacity, required: false);
        Text(errors, nameof(RoomInput.AccessibilityNotes), "accessibility notes", input.AccessibilityNotes, MaxNotesLength, required: false);
        return errors;
    }

    /// <summary>A session on its own and against its event's times. Overlaps with other sessions need the database.</summary>
    public static IReadOnlyList<FieldError> Validate(SessionInput input, Event ev, out (DateTime StartUtc, DateTime EndUtc)? times)
    {
        var errors = new List<FieldError>();
        times = null;
        Text(errors, nameof(SessionInput.Title), "session title", input.Title, MaxTitleLength, required: true);
        Text(errors, nameof(SessionInput.Description), "description", input.Description, MaxSummaryLength, required: false);
        Text(errors, nameof(SessionInput.Speakers), "speakers", input.Speakers, MaxSpeakersLength, required: false);
        Capacity(errors, nameof(SessionInput.Capacity), "Session capacity", input.Capacity, required: false);

        var zone = EventTime.Zone(ev.TimeZoneId);
        var start = LocalToUtc(errors, nameof(SessionInput.StartLocal), "start", input.StartLocal, zone, required: true);
        var end = LocalToUtc(errors, nameof(SessionInput.EndLocal), "end", input.EndLocal, zone, required: true);
        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                errors.Add(new(nameof(SessionInput.EndLocal), "Session end must be after its start"));
            }
            else if (s < ev.StartUtc || e > ev.EndUtc)
            {
                errors.Add(new(nameof(SessionInput.StartLocal),
                    "Session must be within the event's times: " + EventTime.FormatRange(ev.StartUtc, ev.EndUtc, ev.TimeZoneId)));
            }
        }

        if (errors.Count == 0)
        {
            times = (start!.Value, end!.Value);
        }

        return errors;
    }

    public static bool Overlaps(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd) => aStart < bEnd && bStart < aEnd;

    private static void Text(List<FieldError> errors, string field, string label, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "Enter a " + label));
        }
        else if (value is not null && value.Length > max)
        {
            errors.Add(new(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be {max:N0} characters or fewer"));
        }
    }

    private static void Capacity(List<FieldError> errors, string field, string label, int? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(new(field, "Enter the capacity as a whole number, for example 80"));
            }
        }
        else if (value < 0 || value > MaxCapacity)
        {
            errors.Add(new(field, $"{label} must be between 0 and {MaxCapacity:N0}"));
        }
    }

    private static DateTime? LocalToUtc(List<FieldError> errors, string field, string label, DateTime? local, TimeZoneInfo zone, bool required)
    {
        if (local is null)
        {
            if (required)
            {
                errors.Add(new(field, $"Enter the {label} date and time"));
            }

            return null;
        }

        if (!EventTime.TryToUtc(local.Value, zone, out var utc))
        {
            errors.Add(new(field,
                $"The {label} time does not exist in {zone.Id}: the clocks go forward then. Choose a time an hour later"));
            return null;
        }

        return utc;
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// The sold-out time after an organiser changes the capacity: kept while every place is still taken, now when the
    /// new capacity leaves no place free, cleared when places come back.
    /// </summary>
    public static DateTime? SoldOutAfterCapacityChange(Event ev, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.Capacity > 0 && ev.PlacesTaken >= ev.Capacity ? ev.SoldOutUtc ?? now : null;
    }
}
