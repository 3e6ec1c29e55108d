namespace EventHub.Core.Common;

/// <summary>A problem with one input field, worded for the person who typed it.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// The outcome of a use case: either a value, or the field errors / refusal that explain why not.
/// Expected refusals are values; exceptions are kept for broken invariants.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<FieldError> errors, string? errorCode)
    {
        Value = value;
        Errors = errors;
        ErrorCode = errorCode;
    }

    public T? Value { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>A stable code for a refusal that is not about one field (e.g. "not_found", "forbidden").</summary>
    public string? ErrorCode { get; }

    public bool Succeeded => Errors.Count == 0 && ErrorCode is null;

    public static Outcome<T> Ok(T value) => new(value, [], null);

    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(default, errors, null);

    public static Outcome<T> Invalid(string field, string message) => new(default, [new FieldError(field, message)], null);

    public static Outcome<T> Refused(string code, string message) => new(default, [new FieldError(string.Empty, message)], code);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}

public static class ErrorCodes
{
    public const string NotFound = "not_found";
    public const string Forbidden = "forbidden";
    public const string Conflict = "conflict";
}
