using System.Text;
using EventHub.Core.CheckIn;
using EventHub.Core.Organisers;
using EventHub.Web.Features.Events.Organiser;

namespace EventHub.Web.Features.CheckIn;

public static class CheckInEndpoints
{
    /// <summary>The attendance CSV, and the check-in link on each event's organiser page.</summary>
    public static IEndpointRouteBuilder MapCheckInEndpoints(this IEndpointRouteBuilder app)
    {
        EventPageLinks.Add(ev => ($"/organiser/events/{ev.Id}/check-in", "Check-in"));

        app.MapGet("/organiser/events/{id:int}/attendance.csv", async (int id, HttpContext http, AttendanceService attendance, CancellationToken ct) =>
        {
            var report = await attendance.ReportAsync(OrganiserClaims.ToActor(http.User), id, ct);
            if (!report.Succeeded)
            {
                // Not found to an organiser on none of the event's teams; forbidden to one whose role does not show figures.
                return report.IsNotFound ? Results.NotFound() : Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var csv = AttendanceService.ToCsv(report.Value!);
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", $"attendance-{id}.csv");
        }).RequireAuthorization();
        app.MapOfflineDoor();
        return app;
    }
}
