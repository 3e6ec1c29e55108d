using EventHub.Core.Common;

namespace EventHub.Web.Components.Shared;

public static class FieldErrors
{
    public static string? For(this IReadOnlyList<FieldError> errors, string field) =>
        errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>GOV.UK: prefix the page title with "Error: " while the page shows errors.</summary>
    public static string Title(this IReadOnlyList<FieldError> errors, string title) =>
        errors.Count > 0 ? "Error: " + title : title;
}
