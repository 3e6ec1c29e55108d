using EventHub.Core.Events.Access;
using EventHub.Web.Infrastructure;
using EventHub.Core.CheckIn;
using EventHub.Core.Organisers;
using EventHub.Web.Features.Events.Organiser;

namespace EventHub.Web.Features.CheckIn;

public static class CheckInEndpoints
{
    /// <summary>The attendance CSV, and the check-in link on each event's organiser page.</summary>
    public static IEndpointRouteBuilder MapCheckInEndpoints(this IEndpointRouteBuilder app)
    {
        EventPageLinks.Add(Permission.Door, ev => ($"/organiser/events/{ev.Id}/check-in", "Check-in"));
        EventPageLinks.Add(Permission.ViewAttendees, ev => ($"/organiser/events/{ev.Id}/badges", "Name badges"));

        app.MapGet("/organiser/events/{id:int}/attendance.csv", async (int id, HttpContext http, AttendanceService attendance, CancellationToken ct) =>
            CsvResults.From(await attendance.ReportAsync(OrganiserClaims.ToActor(http.User), id, ct), AttendanceService.ToCsv, $"attendance-{id}.csv")).RequireAuthorization();
        app.MapOfflineDoor();
        return app;
    }
}
