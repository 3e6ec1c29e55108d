using EventHub.Core.Data;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace EventHub.EndToEnd.Tests.Foundation;

/// <summary>
/// Two app nodes on one database share the data-protection key ring, which lives in the database: what one node
/// protects (sign-in cookies, antiforgery tokens, circuit state) the other reads, and no node keeps keys on its disk.
/// </summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task A_value_protected_by_one_node_is_read_by_another_on_the_same_database()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nodeA = new AppHost();
        var sharedDatabase = new Dictionary<string, string?>
        {
            ["ConnectionStrings:EventHub"] = $"Data Source={Path.Combine(nodeA.DataFolder, "eventhub.db")};Default Timeout=30",
        };
        await using var nodeB = new AppHost(sharedDatabase);

        var protectedByA = nodeA.Service<IDataProtectionProvider>().CreateProtector("EventHub.Tests.SharedKeys").Protect("booking 42");

        nodeB.Service<IDataProtectionProvider>().CreateProtector("EventHub.Tests.SharedKeys").Unprotect(protectedByA).ShouldBe("booking 42");

        await using var db = await nodeA.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(ct);
        (await db.DataProtectionKeys.CountAsync(ct)).ShouldBe(1, "both nodes should use the one key in the database");
        Directory.Exists(Path.Combine(nodeA.DataFolder, "keys")).ShouldBeFalse("no key should be written to node A's data folder");
        Directory.Exists(Path.Combine(nodeB.DataFolder, "keys")).ShouldBeFalse("no key should be written to node B's data folder");
    }
}
