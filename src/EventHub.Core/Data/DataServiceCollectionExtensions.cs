using EventHub.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers a SQLite database (the embedded default).</summary>
    public static IServiceCollection AddEventHubData(this IServiceCollection services, string connectionString) =>
        services.AddEventHubData(DatabaseProvider.Sqlite, connectionString);

    /// <summary>
    /// Registers the database on the chosen engine, and the <see cref="DbDialect"/> that answers for it.
    /// Services use provider-neutral LINQ; what differs between engines lives in the dialect.
    /// </summary>
    public static IServiceCollection AddEventHubData(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        var dialect = DbDialect.For(provider);
        // Pooled: services create a short-lived context per operation, so reusing context instances saves the set-up.
        // Live messages queued during a unit of work go out when it commits (LiveOnCommit).
        services.AddPooledDbContextFactory<EventHubDbContext>((sp, options) =>
        {
            dialect.Configure(options, connectionString);
            options.AddInterceptors(new LiveOnCommitInterceptor(sp.GetRequiredService<ILiveSignal>()));
            // Features add their own (Email protects tokens in queued payloads) without Data knowing them.
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton(dialect);
        services.AddSingleton<DatabaseInitializer>();
        services.AddOptions<BackgroundJobOptions>();
        services.AddSingleton<IJobLeases>(sp => new JobLeases(
            sp.GetRequiredService<IDbContextFactory<EventHubDbContext>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<IOptions<BackgroundJobOptions>>().Value.Lease));
        if (provider == DatabaseProvider.PostgreSql)
        {
            // Several nodes share one database: live messages travel through it (LISTEN/NOTIFY).
            services.AddSingleton(sp => new PostgreSqlLiveSignal(connectionString, sp.GetRequiredService<ILogger<PostgreSqlLiveSignal>>()));
            services.AddSingleton<ILiveSignal>(sp => sp.GetRequiredService<PostgreSqlLiveSignal>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlLiveSignal>());
        }
        else
        {
            services.AddSingleton<ILiveSignal, InProcessLiveSignal>();
        }

        return services;
    }

    /// <summary>Configures SQLite options (design-time tools and tests).</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        DbDialect.Sqlite.Configure(options, connectionString);

    /// <summary>The same pooled factory the app registers, for tools (benchmarks) that run without a host.</summary>
    public static IDbContextFactory<EventHubDbContext> CreatePooledFactory(string connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var options = new DbContextOptionsBuilder<EventHubDbContext>();
        DbDialect.For(provider).Configure(options, connectionString);
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
}
