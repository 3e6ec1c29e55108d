namespace EventHub.Core.Bookings;

/// <summary>
/// Link routes that messages point at (relative to the configured public base URL). Pages implement them.
/// </summary>
public static class ManageRoutes
{
    public static string Manage(string token) => $"/manage/{token}";

    /// <summary>The held-place mail's link: the page shows the hold, a button confirms the address (a mail scanner's GET confirms nothing).</summary>
    public static string ConfirmEmail(string token) => $"/manage/{token}/confirm-email";

    public static string AcceptOffer(string token) => $"/manage/{token}/accept-offer";

    public static string DeclineOffer(string token) => $"/manage/{token}/decline-offer";

    public static string StillComing(string token) => $"/manage/{token}/still-coming";

    public static string ReleasePlace(string token) => $"/manage/{token}/release";
}
