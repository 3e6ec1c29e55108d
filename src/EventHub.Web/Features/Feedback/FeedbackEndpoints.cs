using EventHub.Core.Events.Access;
using EventHub.Web.Infrastructure;
using EventHub.Core.Feedback;
using EventHub.Core.Organisers;
using EventHub.Web.Features.Events.Organiser;

namespace EventHub.Web.Features.Feedback;

public static class FeedbackEndpoints
{
    /// <summary>The results' CSV (same role check as the results page) and the link on the organiser's event page.</summary>
    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        EventPageLinks.Add(Permission.ViewFigures, ev => (FeedbackRoutes.Results(ev.Id), "Feedback"));

        app.MapGet("/organiser/events/{id:int}/feedback.csv", async (int id, HttpContext http, FeedbackService feedback, CancellationToken ct) =>
            CsvResults.From(await feedback.ResultsAsync(OrganiserClaims.ToActor(http.User), id, ct), FeedbackText.Csv, $"event-{id}-feedback.csv")).RequireAuthorization();
        return app;
    }
}
