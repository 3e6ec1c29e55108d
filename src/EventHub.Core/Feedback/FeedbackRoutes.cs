using EventHub.Core.Bookings;

namespace EventHub.Core.Feedback;

public static class FeedbackRoutes
{
    /// <summary>The feedback form, reached with the booking's manage link (so one answer per booking).</summary>
    public static string Form(string manageToken) => ManageRoutes.Manage(manageToken) + "/feedback";

    public static string Results(int eventId) => $"/organiser/events/{eventId}/feedback";

    public static string Csv(int eventId) => $"/organiser/events/{eventId}/feedback.csv";
}
