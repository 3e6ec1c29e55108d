using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.NewsRoom;

public static class NewsRoomServiceCollectionExtensions
{
    public static IServiceCollection AddNewsRoom(this IServiceCollection services)
    {
        services.AddSingleton<NewsService>();
        return services;
    }
}
