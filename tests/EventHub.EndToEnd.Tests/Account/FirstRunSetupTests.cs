using System.Net;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Account;

/// <summary>First-run setup needs a database with no organisers, so this test has a host of its own.</summary>
public sealed class FirstRunSetupTests : OwnAppTest
{
    [Fact]
    public async Task The_setup_page_is_gone_once_an_organiser_exists()
    {
        using var client = App.CreateHttpClient(followRedirects: false);
        (await client.GetAsync("/setup", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var created = await App.Service<EventHub.Core.Organisers.OrganiserAccounts>().CreateFirstAdministratorAsync(
            new EventHub.Core.Organisers.OrganiserInput("Ada", "ada@example.gov.uk", "long enough password", true));
        created.Succeeded.ShouldBeTrue();

        (await client.GetAsync("/setup", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var again = await App.Service<EventHub.Core.Organisers.OrganiserAccounts>().CreateFirstAdministratorAsync(
            new EventHub.Core.Organisers.OrganiserInput("Eve", "eve@example.com", "another long password", true));
        again.ErrorCode.ShouldBe(EventHub.Core.Common.ErrorCodes.Conflict);
    }
}
