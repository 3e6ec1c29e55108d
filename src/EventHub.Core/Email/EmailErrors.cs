using EventHub.Core.Common;

namespace EventHub.Core.Email;

/// <summary>Stable codes and the words people see for the Email feature's refusals.</summary>
public static class EmailErrors
{
    public static readonly Refusal NotFailed =
        new("email_not_failed", "Only a failed message can be retried. This one is already queued or sent.");

    public static readonly Refusal MessageNotFound =
        Refusal.NotFound(ErrorCodes.NotFound, "That message no longer exists.");
}
