namespace EventHub.Core.Privacy;

/// <summary>What an organiser sets for an event or a series; blank means "use the default above it".</summary>
public sealed class RetentionInput
{
    public int? PersonalDataMonths { get; set; }

    public int? NeedsDays { get; set; }
}
