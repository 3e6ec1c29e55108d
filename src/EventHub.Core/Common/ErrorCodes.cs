namespace EventHub.Core.Common;

/// <summary>The codes of the shared statuses, for callers that compare codes.</summary>
public static class ErrorCodes
{
    public const string NotFound = "not_found";
    public const string Forbidden = "forbidden";
    public const string Conflict = "conflict";
}
