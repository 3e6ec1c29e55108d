using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EventHub.Core.Data;

/// <summary>SQLite: migrations in this assembly (Data/Migrations), write-ahead logging, one writer at a time.</summary>
internal sealed class SqliteDialect : DbDialect
{
    public static readonly SqliteDialect Instance = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override bool HasSingleWriter => true;

    public override void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(EventHubDbContext).Assembly.FullName));
        options.AddInterceptors(Pragmas.Instance);
    }

    public override async Task PrepareAsync(EventHubDbContext db, CancellationToken ct)
    {
        // WAL is a property of the file: set once, it stays. Readers then never block the writer.
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteScalarAsync(ct);
    }

    public override async Task PurgeFreedSpaceAsync(EventHubDbContext db, CancellationToken ct)
    {
        // VACUUM rebuilds the file from live rows only (no free page keeps an old row); the checkpoint then copies the
        // rebuilt pages home and truncates the log, whose old frames still held the rows as they were.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public override bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: 19 } s && s.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Per-connection settings: wait for a writer instead of failing at once, and FULL sync, so a committed booking
    /// survives a power cut as well as a crash (group commit in the booking writer keeps the throughput).
    /// </summary>
    private sealed class Pragmas : DbConnectionInterceptor
    {
        public static readonly Pragmas Instance = new();

        // Pooled connections keep their native handle between opens; these settings stick to the handle, so they
        // are sent once per physical connection rather than on every open (which cost a round trip per query).
        private readonly ConditionalWeakTable<object, object> _configured = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection { Handle: { } handle } || _configured.TryGetValue(handle, out _))
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            command.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, handle);
        }
    }
}
