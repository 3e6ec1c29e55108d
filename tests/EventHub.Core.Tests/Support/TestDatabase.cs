using EventHub.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventHub.Core.Tests.Support;

/// <summary>
/// A real SQLite file in a temporary folder with every migration applied — the engine we ship, not a fake.
/// Each test class gets its own file; dispose deletes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDbContextFactory<EventHubDbContext>
{
    private TestDatabase(string folder)
    {
        Folder = folder;
        ConnectionString = DataServiceCollectionExtensions.DefaultConnectionString(folder);
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "eventhub-tests", Guid.NewGuid().ToString("N"));
        var db = new TestDatabase(folder);
        await new DatabaseInitializer(db, NullLogger<DatabaseInitializer>.Instance).MigrateAsync();
        return db;
    }

    public EventHubDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<EventHubDbContext>();
        DataServiceCollectionExtensions.Configure(options, ConnectionString);
        return new EventHubDbContext(options.Options);
    }

    public Task<EventHubDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
