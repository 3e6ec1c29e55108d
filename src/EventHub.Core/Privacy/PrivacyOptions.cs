namespace EventHub.Core.Privacy;

/// <summary>The site's privacy settings, bound from the "Privacy" configuration section.</summary>
public sealed class PrivacyOptions
{
    /// <summary>The site default: months after an event that personal data is kept.</summary>
    public int PersonalDataMonths { get; set; } = RetentionRules.DefaultPersonalDataMonths;

    /// <summary>The site default: days after an event that access and dietary needs are kept.</summary>
    public int NeedsDays { get; set; } = RetentionRules.DefaultNeedsDays;
}
