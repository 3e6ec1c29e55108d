using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EventHub.Data.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model; it never connects to a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EventHubDbContext>
{
    public EventHubDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EventHubDbContext>();
        DbDialect.PostgreSql.Configure(options, "Host=localhost;Database=eventhub_design_time");
        return new EventHubDbContext(options.Options);
    }
}
