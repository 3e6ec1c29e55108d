using EventHub.Core.Common;

namespace EventHub.Core.MailingLists;

/// <param name="PreviousWaiters">People left waiting at the series' previous edition who are not on the list (they get an invite with priority).</param>
/// <param name="GeneralOpensUtc">When booking opens to everyone; a priority window is possible only while that is in the future.</param>
public sealed record ListAnnouncementPreview(
    int EventId, string EventTitle, string SeriesName, int ConfirmedSubscribers, DateTime? AlreadyAnnouncedUtc,
    int PreviousWaiters = 0, string? PreviousEditionTitle = null, DateTime? GeneralOpensUtc = null, DateTime? PriorityOpensUtc = null,
    string TimeZoneId = EventTime.DefaultTimeZoneId, bool CanGivePriority = false);
