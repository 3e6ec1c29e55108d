using System.Security.Claims;
using Bunit;
using EventHub.Core.Organisers;
using EventHub.Core.Privacy;
using EventHub.Web.Features.Privacy;
using EventHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Privacy;

/// <summary>
/// The person search page offers the site's retention defaults only to administrators: an organiser allowed to answer
/// data requests may search, download and erase, but the retention settings would refuse them.
/// </summary>
public sealed class PeoplePageTests : WebTestContext
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void The_link_to_the_sites_retention_defaults_shows_to_administrators_only(bool administrator, int links)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Dana Data");
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "dana-1"), new(OrganiserClaims.DisplayName, "Dana Data"), new(OrganiserClaims.DataRequests, "true") };
        if (administrator)
        {
            claims.Add(new(OrganiserClaims.Administrator, "true"));
            auth.SetPolicies(OrganiserClaims.AdministratorPolicy, OrganiserClaims.DataRequestsPolicy);
        }
        else
        {
            auth.SetPolicies(OrganiserClaims.DataRequestsPolicy);
        }

        auth.SetClaims([.. claims]);
        Services.AddSingleton(new SubjectAccessService(Core.Database, Core.Database.Dialect, Core.Clock, new EventHub.Core.Bookings.BookingWriteGate(Core.Database.Dialect)));

        var cut = Render<PeoplePage>();

        cut.Find("h1").TextContent.ShouldBe("Find and erase a person's data");
        cut.FindAll("[data-testid=site-retention-link]").Count.ShouldBe(links);
    }
}
