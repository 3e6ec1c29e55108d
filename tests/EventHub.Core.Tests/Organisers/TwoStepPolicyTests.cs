using System.Diagnostics;
using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EventHub.Core.Tests.Organisers;

/// <summary>Administrators requiring two-step sign-in for everyone, and resetting someone's, on a real database with real Identity.</summary>
public sealed class TwoStepPolicyTests : IAsyncLifetime
{
    private CoreServices _core = default!;
    private SiteSignInPolicy _policy = default!;
    private TwoStepSignIn _twoStep = default!;
    private OrganiserAccounts _accounts = default!;
    private Organiser _olive = default!;
    private Actor _ada = default!;
    private Actor _oliveActor = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync();
        _policy = _core.Get<SiteSignInPolicy>();
        _twoStep = _core.Get<TwoStepSignIn>();
        _accounts = _core.Get<OrganiserAccounts>();
        var ada = await _core.AddAsync("Ada Admin", "ada@example.org", isAdministrator: true);
        _olive = await _core.AddAsync("Olive Organiser", "olive@example.org");
        _ada = Actor.Organiser(ada.Id, ada.DisplayName, isAdministrator: true);
        _oliveActor = Actor.Organiser(_olive.Id, _olive.DisplayName);
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task Only_administrators_require_two_step_sign_in_and_the_change_is_in_the_security_log()
    {
        (await _policy.SetRequiredAsync(_oliveActor, true, Ct)).IsForbidden.ShouldBeTrue();
        (await _policy.IsTwoStepRequiredAsync(Ct)).ShouldBeFalse();

        (await _policy.SetRequiredAsync(_ada, true, Ct)).Succeeded.ShouldBeTrue();
        (await _policy.IsTwoStepRequiredAsync(Ct)).ShouldBeTrue();
        (await _policy.SetRequiredAsync(_ada, false, Ct)).Succeeded.ShouldBeTrue();
        (await _policy.IsTwoStepRequiredAsync(Ct)).ShouldBeFalse();

        var log = (await _core.Get<SecurityLog>().ListAsync(_ada, SecurityAction.TwoStepRequirementChanged, 0, 10, Ct)).Value!.Items;
        log.Select(e => e.Summary).ShouldBe(["Stopped requiring two-step sign-in (each organiser chooses)", "Required two-step sign-in for every organiser"]);
        log.ShouldAllBe(e => e.ActorName == "Ada Admin");
    }

    [Fact]
    public async Task While_it_is_required_a_sign_in_without_it_may_only_turn_it_on_and_Core_refuses_everything_else()
    {
        await _policy.SetRequiredAsync(_ada, true, Ct);

        var principal = await PrincipalAsync(_olive.Id);
        principal.HasClaim(OrganiserClaims.TwoStepNeeded, "true").ShouldBeTrue();
        var actor = OrganiserClaims.ToActor(principal);
        actor.IsOrganiser.ShouldBeFalse();
        actor.UserId.ShouldBe(_olive.Id);
        var created = await _core.Get<EventService>().CreateAsync(actor, new EventInput
        {
            Title = "Not yet", Capacity = 10, VenueName = "County Hall",
            StartLocal = new DateTime(2026, 12, 10, 10, 0, 0), EndLocal = new DateTime(2026, 12, 10, 12, 0, 0),
        }, Ct);
        created.Succeeded.ShouldBeFalse();
        (await _policy.IsNeededByAsync(_olive.Id, Ct)).ShouldBeTrue();

        // ... but the same actor can turn it on, after which a new sign-in has full rights again.
        var setup = (await _twoStep.BeginAsync(actor)).Value!;
        (await _twoStep.EnableAsync(actor, Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow))).Succeeded.ShouldBeTrue();
        var renewed = await PrincipalAsync(_olive.Id);
        renewed.HasClaim(OrganiserClaims.TwoStepNeeded, "true").ShouldBeFalse();
        OrganiserClaims.ToActor(renewed).IsOrganiser.ShouldBeTrue();
        (await _policy.IsNeededByAsync(_olive.Id, Ct)).ShouldBeFalse();

        // Required: it cannot be turned off.
        (await _twoStep.StatusAsync(OrganiserClaims.ToActor(renewed))).Value!.IsRequired.ShouldBeTrue();
        (await _twoStep.DisableAsync(OrganiserClaims.ToActor(renewed))).ErrorCode.ShouldBe(OrganiserErrors.TwoStepRequired.Code);
    }

    [Fact]
    public async Task Requiring_it_ends_open_sessions_that_do_not_have_it_at_their_next_check()
    {
        var principal = await PrincipalAsync(_olive.Id);
        var stamp = principal.FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType);
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, markedTwoStepNeeded: false, ct: Ct)).ShouldBeTrue();

        await _policy.SetRequiredAsync(_ada, true, Ct);

        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, markedTwoStepNeeded: false, ct: Ct)).ShouldBeFalse("the open page must stop");
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, markedTwoStepNeeded: true, ct: Ct)).ShouldBeTrue("a sign-in that knows it must turn it on goes on");
    }

    [Fact]
    public async Task An_administrator_resets_someones_two_step_sign_in_and_their_old_codes_stop_working()
    {
        var setup = (await _twoStep.BeginAsync(_oliveActor)).Value!;
        var codes = (await _twoStep.EnableAsync(_oliveActor, Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow))).Value!;
        (await _accounts.ListAsync(_ada)).Single(r => r.Id == _olive.Id).HasTwoStep.ShouldBeTrue();

        (await _accounts.ResetTwoStepAsync(_oliveActor, _olive.Id, Ct)).IsForbidden.ShouldBeTrue();
        var reset = await _accounts.ResetTwoStepAsync(_ada, _olive.Id, Ct);

        reset.Succeeded.ShouldBeTrue(reset.Message);
        reset.Value!.HasTwoStep.ShouldBeFalse();
        await using (var scope = _core.Provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
            var olive = (await users.FindByIdAsync(_olive.Id))!;
            (await users.GetTwoFactorEnabledAsync(olive)).ShouldBeFalse();
            (await users.CountRecoveryCodesAsync(olive)).ShouldBe(0);
            (await users.RedeemTwoFactorRecoveryCodeAsync(olive, codes[0])).Succeeded.ShouldBeFalse();
            (await users.GetAuthenticatorKeyAsync(olive)).ShouldNotBe(setup.SharedKey);
            olive.SecurityStamp.ShouldNotBe(_olive.SecurityStamp, "their open sessions end");
        }

        (await _accounts.ResetTwoStepAsync(_ada, _olive.Id, Ct)).ErrorCode.ShouldBe(OrganiserErrors.TwoStepNotOnForThem.Code);
        var log = (await _core.Get<SecurityLog>().ListAsync(_ada, SecurityAction.TwoStepReset, 0, 10, Ct)).Value!.Items;
        log.ShouldHaveSingleItem().Summary.ShouldBe("Reset the two-step sign-in of Olive Organiser (olive@example.org): their authenticator app and recovery codes no longer work");
    }

    [Fact]
    public async Task The_setting_is_read_once_per_node_and_a_change_is_seen_at_the_next_check_on_this_node_and_another()
    {
        using var reads = new SettingReads(_core.Database);
        await using var otherNode = await AnotherNodeAsync(shareSignal: true);
        var here = _policy;
        var there = otherNode.GetRequiredService<SiteSignInPolicy>();
        var stamp = (await PrincipalAsync(_olive.Id)).FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType);

        for (var i = 0; i < 20; i++)
        {
            (await here.IsTwoStepRequiredAsync(Ct)).ShouldBeFalse();
            (await there.IsTwoStepRequiredAsync(Ct)).ShouldBeFalse();
            (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, markedTwoStepNeeded: false, ct: Ct)).ShouldBeTrue();
            await PrincipalAsync(_olive.Id); // A cookie check makes the sign-in's claims again.
        }

        reads.Count.ShouldBe(2, "one read per node, not one per check");

        var heardHere = 0;
        using var probe = _core.Get<ILiveSignal>().Subscribe(LiveTopics.SiteWide, message =>
        {
            Interlocked.Increment(ref heardHere);
            return Task.CompletedTask;
        });
        (await _policy.SetRequiredAsync(_ada, true, Ct)).Succeeded.ShouldBeTrue();

        (await here.IsTwoStepRequiredAsync(Ct)).ShouldBeTrue("the node that made the change sees it at once");
        (await _accounts.IsSignInCurrentAsync(_olive.Id, stamp, markedTwoStepNeeded: false, ct: Ct)).ShouldBeFalse();
        // The clock stands still, so only the live message can tell the other node.
        var seenThere = false;
        for (var i = 0; i < 250 && !seenThere; i++)
        {
            seenThere = await there.IsTwoStepRequiredAsync(Ct);
            if (!seenThere)
            {
                await Task.Delay(20, Ct);
            }
        }

        seenThere.ShouldBeTrue("the other node hears of the change");
        // The message comes back to the node that sent it too, which forgets once more: let that echo land first.
        for (var i = 0; i < 250 && Volatile.Read(ref heardHere) == 0; i++)
        {
            await Task.Delay(20, Ct);
        }

        await Task.Delay(200, Ct);
        (await here.IsTwoStepRequiredAsync(Ct)).ShouldBeTrue();
        var afterChange = reads.Count;
        for (var i = 0; i < 20; i++)
        {
            (await here.IsTwoStepRequiredAsync(Ct)).ShouldBeTrue();
            (await there.IsTwoStepRequiredAsync(Ct)).ShouldBeTrue();
        }

        reads.Count.ShouldBe(afterChange, "the new setting is remembered too");
    }

    [Fact]
    public async Task A_node_that_missed_the_message_reads_the_setting_again_once_its_copy_is_a_minute_old()
    {
        await using var deafNode = await AnotherNodeAsync(shareSignal: false);
        var deaf = deafNode.GetRequiredService<SiteSignInPolicy>();
        (await deaf.IsTwoStepRequiredAsync(Ct)).ShouldBeFalse();

        (await _policy.SetRequiredAsync(_ada, true, Ct)).Succeeded.ShouldBeTrue();
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            (await deaf.IsTwoStepRequiredAsync(Ct)).ShouldBeFalse("it heard nothing and its copy is fresh");
        }

        _core.Clock.Advance(SiteSignInPolicy.MostStale);
        (await deaf.IsTwoStepRequiredAsync(Ct)).ShouldBeTrue();
    }

    /// <summary>
    /// A second app node on the same database. On PostgreSQL it has its own live signal (LISTEN/NOTIFY between nodes);
    /// on SQLite, which runs one node, it shares this node's in-process signal when <paramref name="shareSignal"/> is set.
    /// </summary>
    private async Task<ServiceProvider> AnotherNodeAsync(bool shareSignal)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_core.Clock);
        services.AddEventHubData(_core.Database.Dialect.Provider, _core.Database.ConnectionString);
        if (TestDatabase.Provider == DatabaseProvider.Sqlite && shareSignal)
        {
            services.AddSingleton<ILiveSignal>(_core.Get<ILiveSignal>());
        }

        services.AddOrganisers();
        var node = services.BuildServiceProvider();
        foreach (var provider in new IServiceProvider[] { _core.Provider, node })
        {
            if (provider.GetService<PostgreSqlLiveSignal>() is { } pg)
            {
                await pg.StartAsync(Ct); // Listening before the change, as a running node is.
            }
        }

        return node;
    }

    /// <summary>Counts the commands that touch the site's security settings on one test database (EF's diagnostic events).</summary>
    private sealed class SettingReads : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _database;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly IDisposable _listeners;
        private int _count;

        public SettingReads(TestDatabase database)
        {
            _database = database.Dialect.Provider == DatabaseProvider.Sqlite
                ? database.Folder
                : new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
            _listeners = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Command: var command }
                && command.CommandText.Contains("SiteSecurity", StringComparison.Ordinal)
                && $"{command.Connection?.DataSource}|{command.Connection?.Database}".Contains(_database, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }

        void IObserver<DiagnosticListener>.OnCompleted()
        {
        }

        void IObserver<DiagnosticListener>.OnError(Exception error)
        {
        }

        void IObserver<KeyValuePair<string, object?>>.OnCompleted()
        {
        }

        void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _listeners.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }

    private Task<ClaimsPrincipal> PrincipalAsync(string organiserId) => _core.PrincipalAsync(organiserId);
}
