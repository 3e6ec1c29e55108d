using EventHub.Web.Infrastructure;
using EventHub.Core.Bookings;
using EventHub.Core.Events.Access;
using EventHub.Core.Organisers;
using EventHub.Web.Features.Events.Organiser;

namespace EventHub.Web.Features.Bookings;

public static class BookingEndpoints
{
    /// <summary>The CSV export, and the booking links on each event's organiser page.</summary>
    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        EventPageLinks.Add(Permission.ViewAttendees, ev => ($"/organiser/events/{ev.Id}/attendees", "Attendees"));
        EventPageLinks.Add(Permission.Edit, ev => ($"/organiser/events/{ev.Id}/booking-settings", "Booking settings"));
        EventPageLinks.Add(Permission.ReadAuditLog, ev => ($"/organiser/events/{ev.Id}/audit-log", "Audit log"));

        app.MapGet("/organiser/events/{id:int}/attendees.csv", async (
            int id, bool? needs, HttpContext http, EventAccess access, AttendeeService attendees, QuestionAdminService questionAdmin, CancellationToken ct) =>
        {
            var actor = OrganiserClaims.ToActor(http.User);
            var granted = await access.ForEventAsync(actor, id, ct);
            if (!granted.Has(Permission.ViewAttendees))
            {
                // Not found to an organiser on none of the event's teams, as the pages answer.
                return granted.CanSee ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.NotFound();
            }

            var rows = await attendees.ExportRowsAsync(actor, id, withNeeds: needs == true, ct);
            var questions = await questionAdmin.ListAsync(actor, id, ct);
            var csv = AttendeeCsv.Write(rows, questions, includeNeeds: needs == true);
            return CsvResults.File(csv, $"attendees-{id}.csv");
        }).RequireAuthorization();
        return app;
    }
}
