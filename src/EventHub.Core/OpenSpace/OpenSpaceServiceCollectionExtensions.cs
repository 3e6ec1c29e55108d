using EventHub.Core.Email;
using EventHub.Core.OpenSpace.Emails;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.OpenSpace;

public static class OpenSpaceServiceCollectionExtensions
{
    public static IServiceCollection AddOpenSpace(this IServiceCollection services)
    {
        services.AddSingleton<BoardLayoutService>();
        services.AddSingleton<PitchQueueService>();
        services.AddSingleton<SessionPlacementService>();
        services.AddSingleton<SessionMergeService>();
        services.AddSingleton<OverflowRoomService>();
        services.AddSingleton<InterestService>();
        services.AddSingleton<TicketHolderBoardService>();
        services.AddSingleton<WalkInPitchService>();
        services.AddSingleton<PitchModerationService>();
        services.AddSingleton<Events.ISessionConveners, SessionConveners>();
        services.AddEmailTemplatesBeside<SessionChangedTemplate>();
        return services;
    }
}
