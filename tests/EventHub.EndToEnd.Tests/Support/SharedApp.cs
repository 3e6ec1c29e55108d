[assembly: AssemblyFixture(typeof(EventHub.EndToEnd.Tests.Support.SharedApp))]

namespace EventHub.EndToEnd.Tests.Support;

/// <summary>
/// One app host for every journey that can share a database: starting a host per test was most of the run's time.
/// Journeys on it make their own organiser, events and series with unique names, so they never see each other's rows.
/// No SMTP host: delivered mail goes to the pickup folder, and the outbox is polled every 200 ms.
/// A journey that needs an empty database (first-run setup), its own configuration (a mail server) or that reads
/// every row of a table or folder keeps its own <see cref="AppHost"/>.
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
