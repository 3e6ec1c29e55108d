using System.Data.Common;
using System.Runtime.CompilerServices;
using EventHub.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database. Only SQLite ships today; the services use provider-neutral LINQ so another
    /// provider can be added here.
    /// </summary>
    public static IServiceCollection AddEventHubData(this IServiceCollection services, string connectionString)
    {
        // Pooled: services create a short-lived context per operation, so reusing context instances saves the set-up.
        services.AddPooledDbContextFactory<EventHubDbContext>(options => Configure(options, connectionString));
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<ILiveSignal, InProcessLiveSignal>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(EventHubDbContext).Assembly.FullName));
        options.AddInterceptors(SqlitePragmas.Instance);
    }

    /// <summary>The same pooled factory the app registers, for tools (benchmarks) that run without a host.</summary>
    public static IDbContextFactory<EventHubDbContext> CreatePooledFactory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<EventHubDbContext>();
        Configure(options, connectionString);
        return new PooledDbContextFactory<EventHubDbContext>(options.Options);
    }

    /// <summary>Turns a data folder into the default SQLite connection string, creating the folder.</summary>
    public static string DefaultConnectionString(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, "eventhub.db"),
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>
    /// Per-connection SQLite settings: wait for a writer instead of failing at once, and NORMAL sync, which with
    /// WAL survives an application crash (a power cut may lose the last transactions, never corrupt the file).
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // Pooled connections keep their native handle between opens; these settings stick to the handle, so they
        // are sent once per physical connection rather than on every open (which cost a round trip per query).
        private readonly ConditionalWeakTable<object, object> _configured = new();

        private void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection { Handle: { } handle } || _configured.TryGetValue(handle, out _))
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            command.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, handle);
        }
    }
}
