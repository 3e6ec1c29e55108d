namespace EventHub.Core.Privacy;

/// <summary>One event's retention: what the organiser set for it (blank: inherited), what applies, and when it falls due.</summary>
public sealed record RetentionView(
    int EventId,
    RetentionInput Own,
    RetentionPolicy Inherited,
    RetentionPolicy Effective,
    DateTime PersonalDataDueUtc,
    DateTime NeedsDueUtc,
    string TimeZoneId)
{
    public string PersonalDataWords => RetentionRules.PersonalDataInWords(Effective);

    public string NeedsWords => RetentionRules.NeedsInWords(Effective);
}
