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
        Assert.SkipWhen(TestDatabase.Provider != EventHub.Core.Data.DatabaseProvider.Sqlite, "Write-ahead logging is a SQLite file setting.");
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString().ShouldBe("wal");
    }

    [Fact]
    public async Task A_committed_write_is_synced_to_disk_before_it_returns()
    {
        Assert.SkipWhen(TestDatabase.Provider != EventHub.Core.Data.DatabaseProvider.Sqlite, "synchronous is a SQLite connection setting.");
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        // 2 is FULL: a committed booking survives a power cut, not only a crash.
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString().ShouldBe("2");
    }
}
