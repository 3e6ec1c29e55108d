[assembly: AssemblyFixture(typeof(EventHub.EndToEnd.Tests.Support.SharedApp))]

namespace EventHub.EndToEnd.Tests.Support;

/// <summary>
/// One app host for every journey that can share a database: starting a host per test was most of the run's time.
/// Journeys on it make their own organiser, events and series with unique names, so they never see each other's rows.
/// A journey that needs an empty database or its own configuration (a mail server, the first-run setup) keeps its own
/// <see cref="AppHost"/>.
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    public AppHost Host { get; private set; } = default!;

    public ValueTask InitializeAsync()
    {
        Host = new AppHost(new Dictionary<string, string?> { ["EventHub:Email:PollInterval"] = "00:00:00.200" });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
