using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EventHub.Core.Data;

/// <summary>
/// The one seam for everything that differs between database engines: how a context is configured (and where its
/// migrations live), what is prepared at start-up, how a unique-index violation looks, and whether the engine takes
/// one writer at a time. Feature code asks the dialect a question; it never asks which engine it is on.
/// </summary>
public abstract class DbDialect
{
    public static DbDialect Sqlite => SqliteDialect.Instance;

    public static DbDialect PostgreSql => PostgreSqlDialect.Instance;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// True when the engine allows one writer at a time (SQLite): writers then queue on an in-process gate, which
    /// batches them. False when the database itself serialises conflicting writes (row locks), so no gate is needed.
    /// </summary>
    public abstract bool HasSingleWriter { get; }

    public static DbDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite,
        DatabaseProvider.PostgreSql => PostgreSql,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>Points the options at the engine, with its migrations assembly and per-connection settings.</summary>
    public abstract void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>Settings that belong to the database rather than a connection, applied once before migrating.</summary>
    public virtual Task PrepareAsync(EventHubDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// After personal data has been anonymised or erased: leaves no copy of the old rows in the database's files
    /// (free pages, the write-ahead log), so a name that is gone from every table is gone from the disk too.
    /// </summary>
    public virtual Task PurgeFreedSpaceAsync(EventHubDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Inside a transaction, holds the rows <paramref name="selectRows"/> (a plain SELECT of one table) finds until the
    /// transaction ends: another transaction that asks for any of them waits until this one has committed, then finds
    /// what it left. Nothing is written. An engine with one writer at a time already gave the transaction the
    /// database's write lock when it began (SQLite begins it as IMMEDIATE), so there it takes nothing more.
    /// </summary>
    public Task LockRowsAsync(DatabaseFacade database, FormattableString selectRows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Rows are locked only inside a transaction, until it ends.");
        }

        return HasSingleWriter ? Task.CompletedTask : LockSelectedRowsAsync(database, selectRows, ct);
    }

    /// <summary>Takes the row locks of <see cref="LockRowsAsync"/> on an engine that has them.</summary>
    protected virtual Task LockSelectedRowsAsync(DatabaseFacade database, FormattableString selectRows, CancellationToken ct) =>
        throw new NotSupportedException($"{Provider} has no row locks to take.");

    /// <summary>Whether the failed save broke a unique index (an invariant held under concurrency).</summary>
    public abstract bool IsUniqueViolation(DbUpdateException ex);
}
