using System.Security.Claims;
using EventHub.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace EventHub.Core.Organisers;

public static class OrganiserClaims
{
    public const string Administrator = "eventhub:admin";
    public const string DisplayName = "eventhub:name";
    public const string AdministratorPolicy = "Administrator";

    /// <summary>On the sign-in of an organiser an administrator allowed to answer subject-access and erasure requests.</summary>
    public const string DataRequests = "eventhub:data-requests";

    /// <summary>Administrators, and organisers with <see cref="DataRequests"/>: the personal-data search, download and erasure.</summary>
    public const string DataRequestsPolicy = "DataRequests";

    /// <summary>On a sign-in that must turn two-step sign-in on first (see <see cref="SiteSignInPolicy"/>).</summary>
    public const string TwoStepNeeded = "eventhub:two-step-needed";

    /// <summary>When (UTC, round-trip format) this session signed in through single sign-on; see <see cref="SingleSignOnPassword"/>.</summary>
    public const string SingleSignOnAt = "eventhub:sso-at";

    /// <summary>When this session signed in through single sign-on, or null.</summary>
    public static DateTime? SingleSignOnAtUtc(ClaimsPrincipal? user) =>
        DateTime.TryParse(user?.FindFirstValue(SingleSignOnAt), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at : null;

    /// <summary>Signed in, even if two-step sign-in must be turned on first: only for the page that turns it on.</summary>
    public const string SignedInPolicy = "SignedIn";

    /// <summary>The <see cref="Actor"/> for a signed-in principal, or <see cref="Actor.Anonymous"/>.</summary>
    public static Actor ToActor(ClaimsPrincipal? user)
    {
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user?.Identity?.IsAuthenticated != true || id is null)
        {
            return Actor.Anonymous;
        }

        var name = user.FindFirstValue(DisplayName) ?? user.Identity.Name ?? "Organiser";
        // Someone who must turn two-step sign-in on first is known, but has no organiser rights until they do.
        return user.HasClaim(TwoStepNeeded, "true")
            ? new Actor(id, name, IsOrganiser: false, IsAdministrator: false)
            : Actor.Organiser(id, name, user.HasClaim(Administrator, "true")) with { CanAnswerDataRequests = user.HasClaim(DataRequests, "true") };
    }
}
