using System.Text;
using EventHub.Core.Common;
using EventHub.Core.Organisers;
using EventHub.Core.Privacy;
using EventHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace EventHub.Web.Features.Privacy;

public static class PrivacyEndpoints
{
    /// <summary>Where the subject-access download form posts (the address travels in the form body, never in a URL).</summary>
    public const string ExportPath = "/organiser/privacy/people/export";

    /// <summary>The subject-access downloads: everything held about one address as JSON, a readable HTML page, or a CSV summary.</summary>
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        // Form binding makes the endpoint check the antiforgery token.
        app.MapPost(ExportPath, async ([FromForm] string? email, [FromForm] string? format, HttpContext http, SubjectAccessService subjectAccess, CancellationToken ct) =>
        {
            if (format is not ("json" or "html" or "csv"))
            {
                return Results.BadRequest();
            }

            var outcome = await subjectAccess.FindAsync(OrganiserClaims.ToActor(http.User), email, ct);
            if (!outcome.Succeeded)
            {
                return outcome.Status switch
                {
                    OutcomeStatus.Forbidden => Results.Forbid(),
                    _ => Results.BadRequest(outcome.Message),
                };
            }

            var data = outcome.Value!;
            var name = "personal-data-" + Slugs.FromTitle(data.Email.Replace('@', '-'));
            return format switch
            {
                "json" => Results.File(Encoding.UTF8.GetBytes(PersonDataExport.ToJson(data)), "application/json", name + ".json"),
                "csv" => CsvResults.File(PersonDataExport.ToCsv(data), name + ".csv"),
                _ => Results.File(Encoding.UTF8.GetBytes(PersonDataExport.ToHtml(data)), "text/html; charset=utf-8", name + ".html"),
            };
        }).RequireAuthorization(OrganiserClaims.DataRequestsPolicy);
        return app;
    }
}
