using System.Text;
using EventHub.Core.Dashboards;
using EventHub.Core.Organisers;

namespace EventHub.Web.Features.Dashboards;

public static class DashboardEndpoints
{
    /// <summary>The series figures as CSV, with the same role check as the series dashboard page.</summary>
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/organiser/series/{id:int}/figures.csv", async (int id, HttpContext http, FiguresService figures, CancellationToken ct) =>
        {
            var outcome = await figures.ForSeriesAsync(OrganiserClaims.ToActor(http.User), id, ct);
            if (!outcome.Succeeded)
            {
                // Not found to an organiser on none of the series' teams; forbidden to anyone else refused.
                return outcome.IsNotFound ? Results.NotFound() : Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var csv = SeriesFiguresCsv.Write(outcome.Value!);
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", $"series-{id}-figures.csv");
        }).RequireAuthorization();
        return app;
    }
}
