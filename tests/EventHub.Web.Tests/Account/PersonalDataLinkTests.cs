using System.Security.Claims;
using Bunit;
using EventHub.Core.Organisers;
using EventHub.Web.Components.Layout;
using EventHub.Web.Tests.Support;

namespace EventHub.Web.Tests.Account;

/// <summary>The "Personal data" link shows to administrators and to organisers allowed to answer data requests only.</summary>
public sealed class PersonalDataLinkTests : WebTestContext
{
    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    public void The_personal_data_link_shows_only_to_those_who_may_answer_data_requests(bool administrator, bool answersDataRequests, bool shown)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Olive Organiser");
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "olive-1"), new(OrganiserClaims.DisplayName, "Olive Organiser") };
        if (administrator)
        {
            claims.Add(new(OrganiserClaims.Administrator, "true"));
        }

        if (answersDataRequests)
        {
            claims.Add(new(OrganiserClaims.DataRequests, "true"));
        }

        auth.SetClaims([.. claims]);

        var cut = Render<SiteHeader>();

        cut.FindAll("[data-testid=personal-data-link]").Count.ShouldBe(shown ? 1 : 0);
        cut.FindAll("a[href='/organiser/organisers']").Count.ShouldBe(administrator ? 1 : 0, "the permission is not administration");
    }
}
