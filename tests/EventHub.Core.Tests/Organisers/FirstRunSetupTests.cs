using EventHub.Core.Data;
using EventHub.Core.Organisers;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Tests.Organisers;

public sealed class FirstRunSetupTests : IAsyncLifetime
{
    private const string Code = "K7QM-3XPR-9TWD";

    // What FirstRunSetup logs at warning level or above.
    private readonly LogLines _log = new(typeof(FirstRunSetup).FullName!, LogLevel.Warning);
    private CoreServices _core = default!;

    public async ValueTask InitializeAsync() => _core = await CoreServices.CreateAsync(configure: s =>
    {
        s.Configure<FirstRunOptions>(o => o.Code = Code);
        s.AddSingleton<ILoggerProvider>(_log);
    });

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task A_wrong_setup_code_is_refused_and_logged_without_the_code()
    {
        var setup = _core.Get<FirstRunSetup>();

        var outcome = await setup.CreateFirstAdministratorAsync(Ada, "K7QM-3XPR-9TWE");

        outcome.ErrorCode.ShouldBe(OrganiserErrors.WrongSetupCode.Code);
        outcome.ErrorFor(nameof(FirstRunSetup.SetupCode)).ShouldBe(OrganiserErrors.WrongSetupCode.Message);
        (await setup.IsRequiredAsync()).ShouldBeTrue();
        var warning = _log.Lines.ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Text.ShouldNotContain("K7QM");
        warning.Text.ShouldNotContain("9TWE");
    }

    [Fact]
    public async Task The_right_code_makes_the_first_administrator_and_setup_is_then_done()
    {
        var setup = _core.Get<FirstRunSetup>();

        var outcome = await setup.CreateFirstAdministratorAsync(Ada, "k7qm 3xpr 9twd");

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        outcome.Value!.IsAdministrator.ShouldBeTrue();
        (await setup.IsRequiredAsync()).ShouldBeFalse();
        var again = await setup.CreateFirstAdministratorAsync(Ada with { Email = "eve@example.org" }, Code);
        again.IsConflict.ShouldBeTrue();
        again.ErrorCode.ShouldBe(OrganiserErrors.AlreadySetUp.Code);
    }

    [Fact]
    public async Task Without_a_configured_code_the_app_makes_one_of_its_own()
    {
        await using var other = await CoreServices.CreateAsync();
        var setup = other.Get<FirstRunSetup>();

        setup.SetupCode.ShouldMatch("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$");
        (await setup.CreateFirstAdministratorAsync(Ada, string.Empty)).ErrorCode.ShouldBe(OrganiserErrors.WrongSetupCode.Code);
        (await setup.CreateFirstAdministratorAsync(Ada, setup.SetupCode)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Two_setups_at_once_from_two_app_nodes_make_exactly_one_administrator()
    {
        // Two service providers on one database are two app nodes: nothing in memory is shared between them.
        await using var secondNode = Node(_core.Database.ConnectionString);
        var first = _core.Get<FirstRunSetup>();
        var second = secondNode.GetRequiredService<FirstRunSetup>();

        var outcomes = await Task.WhenAll(
            Task.Run(() => first.CreateFirstAdministratorAsync(Ada, Code), TestContext.Current.CancellationToken),
            Task.Run(() => second.CreateFirstAdministratorAsync(Ada with { DisplayName = "Eve", Email = "eve@example.org" }, Code), TestContext.Current.CancellationToken));

        outcomes.Count(o => o.Succeeded).ShouldBe(1, string.Join("; ", outcomes.Select(o => o.Message)));
        outcomes.Single(o => !o.Succeeded).ErrorCode.ShouldBe(OrganiserErrors.AlreadySetUp.Code);
        await using var db = await _core.Get<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await db.Users.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        (await db.Set<SetupRecord>().CountAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task In_development_no_code_is_asked_for()
    {
        await using var dev = await CoreServices.CreateAsync(configure: s => s.Configure<FirstRunOptions>(o => o.RequireCode = false));

        (await dev.Get<FirstRunSetup>().CreateFirstAdministratorAsync(Ada, null)).Succeeded.ShouldBeTrue();
    }

    private static OrganiserInput Ada => new("Ada Admin", "ada@example.org", "correct horse battery", true);

    private ServiceProvider Node(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_core.Clock);
        services.AddEventHubData(_core.Database.Dialect.Provider, connectionString);
        services.AddOrganisers();
        services.Configure<FirstRunOptions>(o => o.Code = Code);
        return services.BuildServiceProvider();
    }
}
