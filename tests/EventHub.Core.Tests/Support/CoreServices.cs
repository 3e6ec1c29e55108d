using EventHub.Core.Data;
using EventHub.Core.Demo;
using EventHub.Core.Events;
using EventHub.Core.Organisers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventHub.Core.Tests.Support;

/// <summary>The Core services wired as the app wires them, on a real database (see <see cref="TestDatabase"/>), with a fake clock.</summary>
public sealed class CoreServices : IAsyncDisposable
{
    private CoreServices(TestDatabase database, ServiceProvider provider, FakeTimeProvider clock)
    {
        Database = database;
        Provider = provider;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Clock { get; }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public static async Task<CoreServices> CreateAsync(FakeTimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync();
        clock ??= Support.Clock.At();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddEventHubData(database.Dialect.Provider, database.ConnectionString);
        services.AddOrganisers();
        services.AddEvents();
        services.AddSingleton<DemoData>();
        configure?.Invoke(services);
        return new CoreServices(database, services.BuildServiceProvider(), clock);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}
