namespace EventHub.Core.Privacy;

/// <summary>The periods that apply to one event, each with where it came from.</summary>
public sealed record RetentionPolicy(int PersonalDataMonths, RetentionSource PersonalDataFrom, int NeedsDays, RetentionSource NeedsFrom);
