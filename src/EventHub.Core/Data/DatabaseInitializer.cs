using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Data;

/// <summary>Applies the engine's migrations at start-up, after the dialect's one-off preparation (SQLite: WAL).</summary>
public sealed class DatabaseInitializer(IDbContextFactory<EventHubDbContext> dbFactory, DbDialect dialect, ILogger<DatabaseInitializer> logger)
{
    /// <summary>For SQLite, the embedded default.</summary>
    public DatabaseInitializer(IDbContextFactory<EventHubDbContext> dbFactory, ILogger<DatabaseInitializer> logger)
        : this(dbFactory, DbDialect.Sqlite, logger)
    {
    }

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await dialect.PrepareAsync(db, ct);

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} {Provider} migration(s): {Names}", pending.Count, dialect.Provider, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(ct);
    }
}
