using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Events;

public static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<EventService>();
        services.AddSingleton<SeriesService>();
        services.AddSingleton<PublicEvents>();
        services.AddOptions<Common.SiteSettings>();
        services.AddSingleton<PrivacyNotices>();
        return services;
    }
}
