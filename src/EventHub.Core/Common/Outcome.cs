namespace EventHub.Core.Common;

/// <summary>
/// The outcome of a use case: a value, or why not — field errors (<see cref="OutcomeStatus.Invalid"/>) or a
/// refusal from a feature's catalogue, carrying its stable code and its words. Expected refusals are values;
/// exceptions are kept for broken invariants. A use case that must say more on every outcome derives from it
/// (<c>BookingOutcome</c>).
/// </summary>
public class Outcome<T>
{
    private Outcome(OutcomeStatus status, T? value, IReadOnlyList<FieldError> errors, string? errorCode)
    {
        Status = status;
        Value = value;
        Errors = errors;
        ErrorCode = errorCode;
    }

    /// <summary>The same outcome, for a derived type that adds to it.</summary>
    protected Outcome(Outcome<T> outcome)
        : this(Check(outcome).Status, outcome.Value, outcome.Errors, outcome.ErrorCode)
    {
    }

    public OutcomeStatus Status { get; }

    public T? Value { get; }

    /// <summary>Field errors; a refusal appears here too, once, against the empty field name, so a summary lists it.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The refusal's stable code (from a feature's catalogue); null when it succeeded or only fields were wrong.</summary>
    public string? ErrorCode { get; }

    public bool Succeeded => Status == OutcomeStatus.Ok;

    public bool IsForbidden => Status == OutcomeStatus.Forbidden;

    public bool IsNotFound => Status == OutcomeStatus.NotFound;

    public bool IsConflict => Status == OutcomeStatus.Conflict;

    /// <summary>The words to show for a refusal or the first error; null when it succeeded.</summary>
    public string? Message => Succeeded ? null : Errors.Count > 0 ? Errors[0].Message : null;

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value, [], null);

    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid outcome needs at least one error.", nameof(errors));
        }

        return new(OutcomeStatus.Invalid, default, errors, null);
    }

    public static Outcome<T> Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    /// <summary>A refusal from a catalogue; its status (refused, forbidden, not found, conflict) comes with it.</summary>
    public static Outcome<T> Refused(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(refusal.Status, default, [new FieldError(string.Empty, refusal.Message)], refusal.Code);
    }

    /// <summary>A refusal that is about one field: the summary links to it and the field shows the words.</summary>
    public static Outcome<T> Refused(Refusal refusal, string field)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(refusal.Status, default, [new FieldError(field, refusal.Message)], refusal.Code);
    }

    /// <summary>The actor may not do this (the common words unless a feature has better ones).</summary>
    public static Outcome<T> Forbidden(Refusal? refusal = null) => Refused(refusal ?? CommonRefusals.SignInAsOrganiser);

    /// <summary>The thing asked for does not exist (or the actor may not know that it does).</summary>
    public static Outcome<T> NotFound(Refusal? refusal = null) => Refused(refusal ?? CommonRefusals.NotFound);

    /// <summary>Carries this failure to an outcome of another type (a use case that calls another).</summary>
    public Outcome<TOther> As<TOther>()
    {
        if (Succeeded)
        {
            throw new InvalidOperationException("Only a failed outcome can be carried to another type.");
        }

        return Outcome<TOther>.FromFailure(Status, Errors, ErrorCode);
    }

    internal static Outcome<T> FromFailure(OutcomeStatus status, IReadOnlyList<FieldError> errors, string? code) =>
        new(status, default, errors, code);

    private static Outcome<T> Check(Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome;
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
