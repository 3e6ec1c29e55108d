using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Dashboards;

public static class DashboardsServiceCollectionExtensions
{
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddSingleton<FiguresService>();
        return services;
    }
}
