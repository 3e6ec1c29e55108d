using EventHub.Core.Events.Access;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Events;

public static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<EventAccess>();
        services.AddSingleton<EventService>();
        services.AddSingleton<SeriesService>();
        services.AddSingleton<PublicEvents>();
        return services;
    }
}
