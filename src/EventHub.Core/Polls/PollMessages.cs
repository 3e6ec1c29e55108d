namespace EventHub.Core.Polls;

/// <summary>Outbox template names the Polls feature enqueues. The Email feature renders them from the payloads below.</summary>
public static class PollTemplates
{
    /// <summary>Sent when a voter gives an email: the private link to change their answers.</summary>
    public const string VoteRecorded = "poll.vote-recorded";

    /// <summary>Sent when the event made from the poll is published: the date, an .ics invite, maybe a priority link.</summary>
    public const string EventPublished = "poll.event-published";
}

/// <summary>Link routes (relative to the public base URL) that poll pages and messages use.</summary>
public static class PollRoutes
{
    public static string Vote(string publicToken) => $"/polls/{publicToken}";

    public static string ChangeAnswers(string editToken) => $"/polls/answers/{editToken}";

    /// <summary>The booking page with a priority token; the Booking feature checks it through <see cref="PollPriority"/> (its IPriorityAccess).</summary>
    public static string PriorityBooking(string eventSlug, string priorityToken) => Bookings.PriorityRoutes.Book(eventSlug, priorityToken);
}

/// <summary>Payload of <see cref="PollTemplates.VoteRecorded"/>.</summary>
public sealed record PollVoteRecordedPayload
{
    public required string PollTitle { get; init; }

    public required string VoterName { get; init; }

    /// <summary>Relative link to change the answers: <see cref="PollRoutes.ChangeAnswers"/>.</summary>
    public required string ChangeAnswersPath { get; init; }
}

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
