using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Organisers;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Organisers;

/// <summary>
/// Two administrators who demote, disable or remove each other at the same moment: each call runs in its own scope (so on
/// its own DbContext and connection), and the database must leave at least one active administrator, on both engines.
/// </summary>
public sealed class AdministratorRaceTests : IAsyncLifetime
{
    private const int Rounds = 12;
    private CoreServices _core = default!;
    private OrganiserAccounts _accounts = default!;

    public enum Move
    {
        Demote,
        Disable,
        Remove,
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly CommandLog _commands = new();

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync(s => s.AddSingleton<IInterceptor>(_commands));
        _accounts = _core.Get<OrganiserAccounts>();
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Theory]
    [InlineData(Move.Demote, Move.Demote)]
    [InlineData(Move.Disable, Move.Demote)]
    [InlineData(Move.Remove, Move.Disable)]
    [InlineData(Move.Remove, Move.Remove)]
    public async Task Two_administrators_acting_on_each_other_at_once_leave_one_active_administrator(Move first, Move second)
    {
        Organiser? survivor = null;
        for (var round = 0; round < Rounds; round++)
        {
            var ann = await _core.AddAsync($"Ann {round}", $"ann{round}@example.org", isAdministrator: true);
            var bob = await _core.AddAsync($"Bob {round}", $"bob{round}@example.org", isAdministrator: true);
            if (survivor is not null)
            {
                // Only Ann and Bob are active administrators when they race.
                (await _accounts.SetAdministratorAsync(Actor.System, survivor.Id, false, Ct)).Succeeded.ShouldBeTrue();
            }

            using var start = new ManualResetEventSlim();
            var byAnn = Task.Run(() => { start.Wait(Ct); return DoAsync(first, As(ann), bob.Id); }, Ct);
            var byBob = Task.Run(() => { start.Wait(Ct); return DoAsync(second, As(bob), ann.Id); }, Ct);
            start.Set();
            var outcomes = await Task.WhenAll(byAnn, byBob);

            outcomes.Count(o => o.Succeeded).ShouldBe(1, $"round {round}: exactly one of them wins");
            outcomes.Single(o => !o.Succeeded).ErrorCode.ShouldBe(OrganiserErrors.LastAdministrator.Code);
            await using var db = await _core.Get<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
            var active = await db.Users.Where(u => u.IsAdministrator && !u.IsDisabled).Select(u => u.Id).ToListAsync(Ct);
            active.ShouldHaveSingleItem($"round {round}: one active administrator is left");
            survivor = active[0] == ann.Id ? ann : bob;
        }
    }

    [Fact]
    public async Task Demoting_an_administrator_locks_the_other_administrators_rows_without_writing_to_them()
    {
        var ann = await _core.AddAsync("Ann", "ann@example.org", isAdministrator: true);
        var bob = await _core.AddAsync("Bob", "bob@example.org", isAdministrator: true);
        await _core.AddAsync("Cy", "cy@example.org", isAdministrator: true);
        _commands.Texts.Clear();

        (await _accounts.SetAdministratorAsync(As(ann), bob.Id, false, Ct)).Succeeded.ShouldBeTrue();

        var updates = _commands.Texts.Where(c => c.StartsWith("UPDATE \"AspNetUsers\"", StringComparison.Ordinal)).ToList();
        updates.ShouldNotBeEmpty("Bob's row is written");
        updates.ShouldAllBe(c => c.Contains("WHERE \"Id\" = ", StringComparison.Ordinal), "only Bob's row: the lock writes nothing");
        if (!_core.Get<DbDialect>().HasSingleWriter)
        {
            _commands.Texts.ShouldContain(c => c.Contains("FOR UPDATE", StringComparison.Ordinal), "the active administrators' rows are locked");
        }
    }

    private static Actor As(Organiser o) => Actor.Organiser(o.Id, o.DisplayName, isAdministrator: true);

    private Task<Outcome<OrganiserRow>> DoAsync(Move move, Actor actor, string targetId) => move switch
    {
        Move.Demote => _accounts.SetAdministratorAsync(actor, targetId, false, Ct),
        Move.Disable => _accounts.DisableAsync(actor, targetId, Ct),
        _ => _accounts.RemoveAsync(actor, targetId, Ct),
    };
}
