using System.Text;
using EventHub.Core.Common;

namespace EventHub.Web.Infrastructure;

/// <summary>
/// How the organiser CSV endpoints answer: not found to someone on none of the event's (or series') teams, forbidden
/// to a role that may not see the figures, else the CSV as a download with a UTF-8 byte-order mark so spreadsheet
/// programs read names with accents correctly.
/// </summary>
public static class CsvResults
{
    public static IResult From<T>(Outcome<T> outcome, Func<T, string> toCsv, string fileName) =>
        outcome.Succeeded
            ? File(toCsv(outcome.Value!), fileName)
            : outcome.IsNotFound ? Results.NotFound() : Results.StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>The CSV text as a download, with the byte-order mark.</summary>
    public static IResult File(string csv, string fileName) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", fileName);
}
