using System.Security.Claims;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Organisers;

/// <summary>
/// An administrator lets an organiser answer subject-access and erasure requests (a site-level permission): the
/// organiser's sign-in then carries it, and Core's personal-data search and erasure accept them; others are refused.
/// </summary>
public sealed class DataRequestsPermissionTests : IAsyncLifetime
{
    private const string Person = "pat.person@example.org";
    private CoreServices _core = default!;
    private OrganiserAccounts _accounts = default!;
    private SubjectAccessService _subjectAccess = default!;
    private Organiser _olive = default!;
    private Organiser _otto = default!;
    private Actor _ada = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync(services =>
            services.AddBookings().AddEmail(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build()).AddPrivacy());
        _accounts = _core.Get<OrganiserAccounts>();
        _subjectAccess = _core.Get<SubjectAccessService>();
        var ada = await _core.AddAsync("Ada Admin", "ada@example.org", isAdministrator: true);
        _olive = await _core.AddAsync("Olive Organiser", "olive@example.org");
        _otto = await _core.AddAsync("Otto Other", "otto@example.org");
        _ada = Actor.Organiser(ada.Id, ada.DisplayName, isAdministrator: true);
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task An_organiser_an_administrator_allows_can_find_and_erase_a_persons_data_and_others_cannot()
    {
        var olive = await ActorAsync(_olive.Id);
        olive.CanAnswerDataRequests.ShouldBeFalse();
        (await _subjectAccess.FindAsync(olive, Person, Ct)).ErrorCode.ShouldBe(PrivacyErrors.DataRequestsOnly.Code);
        (await _subjectAccess.FindAsync(olive, Person, Ct)).IsForbidden.ShouldBeTrue();

        (await _accounts.SetDataRequestsAsync(await ActorAsync(_otto.Id), _olive.Id, true, Ct)).IsForbidden.ShouldBeTrue("only administrators give it");
        var allowed = await _accounts.SetDataRequestsAsync(_ada, _olive.Id, true, Ct);
        allowed.Succeeded.ShouldBeTrue(allowed.Message);
        allowed.Value!.CanAnswerDataRequests.ShouldBeTrue();

        olive = await ActorAsync(_olive.Id);
        olive.CanAnswerDataRequests.ShouldBeTrue();
        olive.IsAdministrator.ShouldBeFalse();
        var found = await _subjectAccess.FindAsync(olive, Person, Ct);
        found.Succeeded.ShouldBeTrue(found.Message);
        // Past the guard: nothing is held about this person, which is the answer, not a refusal of who asks.
        (await _subjectAccess.EraseAsync(olive, Person, "Their request by email", Ct)).ErrorCode.ShouldBe(PrivacyErrors.NothingHeld.Code);

        var otto = await ActorAsync(_otto.Id);
        (await _subjectAccess.FindAsync(otto, Person, Ct)).IsForbidden.ShouldBeTrue("another organiser was not given it");
        (await _subjectAccess.EraseAsync(otto, Person, "Their request by email", Ct)).IsForbidden.ShouldBeTrue();

        (await _accounts.SetDataRequestsAsync(_ada, _olive.Id, false, Ct)).Succeeded.ShouldBeTrue();
        (await _subjectAccess.FindAsync(await ActorAsync(_olive.Id), Person, Ct)).IsForbidden.ShouldBeTrue("taken back");

        var log = (await _core.Get<SecurityLog>().ListAsync(_ada, SecurityAction.DataRequestsPermissionChanged, 0, 10, Ct)).Value!.Items;
        log.Select(e => e.Summary).ShouldBe([
            "Stopped Olive Organiser (olive@example.org) answering subject-access and erasure requests",
            "Allowed Olive Organiser (olive@example.org) to answer subject-access and erasure requests",
        ]);
    }

    [Fact]
    public async Task Changing_the_permission_ends_the_sessions_already_open_so_they_sign_in_with_the_new_one()
    {
        var stamp = (await PrincipalAsync(_olive.Id)).FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType);
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, ct: Ct)).ShouldBeTrue();

        (await _accounts.SetDataRequestsAsync(_ada, _olive.Id, true, Ct)).Succeeded.ShouldBeTrue();

        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, ct: Ct)).ShouldBeFalse();
        (await PrincipalAsync(_olive.Id)).HasClaim(OrganiserClaims.DataRequests, "true").ShouldBeTrue();
    }

    private async Task<Actor> ActorAsync(string organiserId) => OrganiserClaims.ToActor(await PrincipalAsync(organiserId));

    private Task<ClaimsPrincipal> PrincipalAsync(string organiserId) => _core.PrincipalAsync(organiserId);
}
