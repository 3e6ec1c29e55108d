namespace EventHub.Core.Privacy;

/// <summary>Links into the privacy pages that other pages and messages point at.</summary>
public static class PrivacyRoutes
{
    /// <summary>
    /// An attendee deletes their booking and details from their manage link. Not under /manage/{token}/: the manage
    /// page's own /manage/{token}/{action} route would take it.
    /// </summary>
    public static string DeleteBooking(string manageToken) => $"/privacy/delete-booking/{manageToken}";
}
