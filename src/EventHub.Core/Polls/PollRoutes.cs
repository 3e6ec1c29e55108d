namespace EventHub.Core.Polls;

/// <summary>Link routes (relative to the public base URL) that poll pages and messages use.</summary>
public static class PollRoutes
{
    public static string Vote(string publicToken) => $"/polls/{publicToken}";

    public static string ChangeAnswers(string editToken) => $"/polls/answers/{editToken}";

    /// <summary>The page behind a vote's confirm link: a GET shows the vote, a POST confirms it.</summary>
    public static string ConfirmVote(string confirmToken) => $"/polls/confirm/{confirmToken}";

    /// <summary>Where confirming a vote leads: the voter's own change-your-answers page, saying the vote now counts.</summary>
    public static string Confirmed(string editToken) => ChangeAnswers(editToken) + "?done=confirmed";

    /// <summary>The booking page with a priority token; the Booking feature checks it through <see cref="PollPriority"/> (its IPriorityAccess).</summary>
    public static string PriorityBooking(string eventSlug, string priorityToken) => Bookings.PriorityRoutes.Book(eventSlug, priorityToken);
}
