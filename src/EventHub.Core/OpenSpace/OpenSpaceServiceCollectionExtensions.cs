using EventHub.Core.Email;
using EventHub.Core.OpenSpace.Emails;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.OpenSpace;

public static class OpenSpaceServiceCollectionExtensions
{
    public static IServiceCollection AddOpenSpace(this IServiceCollection services)
    {
        services.AddSingleton<BoardChanges>();
        services.AddSingleton<BoardService>();
        services.AddSingleton<TicketHolderBoardService>();
        services.AddEmailTemplatesBeside<SessionChangedTemplate>();
        return services;
    }
}
