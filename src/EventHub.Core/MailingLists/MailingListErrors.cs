using EventHub.Core.Common;

namespace EventHub.Core.MailingLists;

/// <summary>Stable codes and the words people see for mailing-list refusals.</summary>
public static class MailingListErrors
{
    public static readonly Refusal LinkNotValid =
        new("list_link_not_valid", "This link is not valid. It may have been mistyped or replaced by a newer one.");

    public static readonly Refusal SeriesNotFound = Refusal.NotFound(ErrorCodes.NotFound, "That series does not exist.");

    public static readonly Refusal EventNotFound = Refusal.NotFound(ErrorCodes.NotFound, "That event no longer exists.");

    public static readonly Refusal NotInSeries =
        new("list_event_not_in_series", "This event is not part of a series, so it has no mailing list.");

    public static readonly Refusal NotPublished =
        new("list_event_not_published", "Publish the event before announcing it, so the link in the email works.");

    public static readonly Refusal AlreadyAnnounced =
        new("list_already_announced", "This event has already been announced to the list.");

    public static readonly Refusal PriorityPointless = new(
        "list_priority_pointless",
        "Booking for this event is already open to everyone, so a priority window would give nobody an advantage. Untick the priority option, or set a later \"Booking opens\" time on the event first.");
}
