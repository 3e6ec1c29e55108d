using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Every_migration_applies_to_a_fresh_database_and_matches_the_model()
    {
        // MigrateAsync throws PendingModelChangesWarning when an entity changed without a migration.
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ShouldNotBeEmpty();
        db.Model.GetRelationalModel().Tables.Select(t => t.Name).ShouldContain("Events");
    }

    [Fact]
    public async Task The_database_file_uses_write_ahead_logging()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString().ShouldBe("wal");
    }
}
