using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        services.AddDbContextFactory<EventHubDbContext>(options => Configure(options, connectionString));
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(EventHubDbContext).Assembly.FullName));
        options.AddInterceptors(SqlitePragmas.Instance);
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

        private static void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection)
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            command.ExecuteNonQuery();
        }
    }
}
