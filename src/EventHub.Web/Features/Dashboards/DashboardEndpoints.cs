using EventHub.Web.Infrastructure;
using EventHub.Core.Dashboards;
using EventHub.Core.Organisers;

namespace EventHub.Web.Features.Dashboards;

public static class DashboardEndpoints
{
    /// <summary>The series figures as CSV, with the same role check as the series dashboard page.</summary>
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/organiser/series/{id:int}/figures.csv", async (int id, HttpContext http, FiguresService figures, CancellationToken ct) =>
            CsvResults.From(await figures.ForSeriesAsync(OrganiserClaims.ToActor(http.User), id, ct), SeriesFiguresCsv.Write, $"series-{id}-figures.csv")).RequireAuthorization();
        return app;
    }
}
