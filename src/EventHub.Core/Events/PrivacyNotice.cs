namespace EventHub.Core.Events;

/// <summary>
/// The privacy notice that applies to one event (its own, its series', or the site's default) as safe HTML,
/// and the one sentence the booking form shows about what is kept and for how long.
/// </summary>
public sealed record PrivacyNotice(string EventTitle, string EventSlug, string Html, string KeptSentence, PrivacyNoticeSource Source);

public enum PrivacyNoticeSource
{
    Site,
    Series,
    Event,
}
