using Microsoft.EntityFrameworkCore;
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

    public override bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
