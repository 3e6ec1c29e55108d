namespace EventHub.Core.Common;

/// <summary>
/// An expected "no": a stable code (for tests, logs and pages that branch on it) and the words people see.
/// Each feature declares its refusals in one catalogue (<c>BookingErrors</c>, <c>CheckInErrors</c>, …).
/// </summary>
public sealed record Refusal(string Code, string Message, OutcomeStatus Status = OutcomeStatus.Refused)
{
    public static Refusal Forbidden(string code, string message) => new(code, message, OutcomeStatus.Forbidden);

    public static Refusal NotFound(string code, string message) => new(code, message, OutcomeStatus.NotFound);

    public static Refusal Conflict(string code, string message) => new(code, message, OutcomeStatus.Conflict);
}
