using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace EventHub.Core.Data;

/// <summary>
/// PostgreSQL: migrations in the EventHub.Data.PostgreSql assembly (generated from the same model), row locks
/// instead of a single writer, so conditional updates and unique indexes alone keep the invariants across nodes.
/// </summary>
internal sealed class PostgreSqlDialect : DbDialect
{
    public const string MigrationsAssembly = "EventHub.Data.PostgreSql";

    public static readonly PostgreSqlDialect Instance = new();

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override bool HasSingleWriter => false;

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    /// <summary>
    /// Deleted and updated rows stay in the table files as dead tuples until a vacuum; autovacuum gets there in its
    /// own time. After a sweep or an erasure that changed rows, vacuum every table now, so the old rows stop being
    /// readable from the files and their space is reused first. (VACUUM FULL would rewrite the files but locks each
    /// table: see docs/deployment.md.)
    /// </summary>
    public override async Task PurgeFreedSpaceAsync(EventHubDbContext db, CancellationToken ct)
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal)
            .Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        // One statement (a vacuum cannot run inside a transaction, and several statements in one command would be one).
        var sql = "VACUUM (ANALYZE) " + string.Join(", ", tables);
#pragma warning disable EF1003 // The names come from the model, each quoted as an identifier; nothing typed by a person.
        await db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1003
    }

    /// <summary><c>SELECT … FOR UPDATE</c>: the rows are locked as an update would lock them, and nothing is written.</summary>
    protected override Task LockSelectedRowsAsync(DatabaseFacade database, FormattableString selectRows, CancellationToken ct) =>
        database.ExecuteSqlAsync(FormattableStringFactory.Create(selectRows.Format.TrimEnd() + " FOR UPDATE", selectRows.GetArguments()), ct);

    public override bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
