namespace EventHub.Core.Polls;

/// <summary>Payload of <see cref="PollTemplates.EventPublished"/>. Carries everything so rendering needs no poll tables.</summary>
public sealed record PollEventPublishedPayload
{
    public required string PollTitle { get; init; }

    public required string EventTitle { get; init; }

    public required string VoterName { get; init; }

    public required DateTime StartUtc { get; init; }

    public required DateTime EndUtc { get; init; }

    public required string TimeZoneId { get; init; }

    /// <summary>"Thursday 3 December 2026, 7pm to 9pm GMT".</summary>
    public required string WhenText { get; init; }

    public required string Place { get; init; }

    /// <summary>Relative link to the public event page.</summary>
    public required string EventPath { get; init; }

    /// <summary>
    /// Only in messages queued by earlier versions: the invite is now built when the message is rendered, from the
    /// event itself, with the same UID and SEQUENCE as booking confirmations.
    /// </summary>
    public string? Ics { get; init; }

    /// <summary>Set for Yes / If need be voters: a relative link that lets them book before general booking opens.</summary>
    public string? PriorityBookingPath { get; init; }

    public DateTime? GeneralBookingOpensUtc { get; init; }
}
