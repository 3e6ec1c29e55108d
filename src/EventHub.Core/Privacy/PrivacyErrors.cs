using EventHub.Core.Common;

namespace EventHub.Core.Privacy;

/// <summary>The privacy feature's refusals: stable codes with the words people see.</summary>
public static class PrivacyErrors
{
    public static readonly Refusal EventGone = Refusal.NotFound(ErrorCodes.NotFound, "That event no longer exists.");

    public static readonly Refusal SeriesGone = Refusal.NotFound(ErrorCodes.NotFound, "That series no longer exists.");

    public static readonly Refusal PersonalDataMonthsOutOfRange = new("retention_months_out_of_range",
        $"Months to keep personal data must be between {RetentionRules.MinPersonalDataMonths} and {RetentionRules.MaxPersonalDataMonths}, or left blank for the default");

    public static readonly Refusal NeedsDaysOutOfRange = new("retention_days_out_of_range",
        $"Days to keep access and dietary needs must be between 0 and {RetentionRules.MaxNeedsDays}, or left blank for the default");

    public static readonly Refusal EnterPersonalDataMonths = new("retention_months_missing",
        $"Enter how many months to keep personal data, from {RetentionRules.MinPersonalDataMonths} to {RetentionRules.MaxPersonalDataMonths}");

    public static readonly Refusal EnterNeedsDays = new("retention_days_missing",
        $"Enter how many days to keep access and dietary needs, from 0 to {RetentionRules.MaxNeedsDays}");

    public static readonly Refusal EnterEmail = new("privacy_enter_email", "Enter an email address, like name@example.org");

    public static readonly Refusal EnterReason = new("privacy_enter_reason", "Enter why these details are being erased (for example, the date of the request)");

    /// <summary>The longest reason the audit log keeps.</summary>
    public const int MaxReasonLength = 500;

    public static Refusal ReasonTooLong(int length) =>
        EnterReason with { Message = $"The reason must be {MaxReasonLength} characters or fewer (it has {length})" };

    public static readonly Refusal NothingHeld = Refusal.NotFound("privacy_nothing_held", "We hold nothing about that email address.");

    /// <summary>The person search, download and erasure: administrators and organisers they allowed (site-level).</summary>
    public static readonly Refusal DataRequestsOnly = Refusal.Forbidden(ErrorCodes.Forbidden,
        "Only administrators, and organisers they allow to answer data requests, can find or erase a person's data. Ask an administrator.");
}
