using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Proceedings;

/// <summary>How an upload holds its session while it counts the quota: by locking the row, never by writing to it.</summary>
public sealed class MaterialLockTests
{
    [Fact]
    public async Task An_upload_locks_its_session_without_writing_to_it()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        var commands = new CommandLog();
        var materials = new MaterialService(commands.ContextsOn(f.Database), f.Clock, f.Store, f.Database.Dialect);

        var outcome = await materials.UploadAsync(f.Key, "slides.pdf", Files.Pdf(), ct: TestContext.Current.CancellationToken);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        commands.Texts.ShouldContain(c => c.StartsWith("INSERT INTO \"Materials\"", StringComparison.Ordinal), "the log sees the upload's writes");
        commands.Texts.ShouldNotContain(c => c.StartsWith("UPDATE \"Sessions\"", StringComparison.Ordinal), "the lock writes nothing to the session");
        if (!f.Database.Dialect.HasSingleWriter)
        {
            commands.Texts.ShouldContain(c => c.Contains("FROM \"Sessions\"", StringComparison.Ordinal) && c.Contains("FOR UPDATE", StringComparison.Ordinal),
                "the session's row is locked");
        }
    }
}
