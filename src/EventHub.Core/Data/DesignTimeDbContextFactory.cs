using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EventHub.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EventHubDbContext>
{
    public EventHubDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EventHubDbContext>();
        DataServiceCollectionExtensions.Configure(options, "Data Source=design-time.db");
        return new EventHubDbContext(options.Options);
    }
}
