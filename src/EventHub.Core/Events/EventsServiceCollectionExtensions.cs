using EventHub.Core.Email;
using EventHub.Core.Events.Access;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Events;

public static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<EventAccess>();
        services.AddSingleton<TeamService>();
        services.AddSingleton<IOutgoingMailAccess, OutgoingMailAccess>();
        services.AddSingleton<EventService>();
        services.AddSingleton<AgendaService>();
        services.AddSingleton<SeriesService>();
        services.AddSingleton<PublicEvents>();
        services.AddSingleton<CalendarFeed>();
        // Features built on events add an IEditionCopyPart each (AddBookings, AddFollowUps, AddFeedback, AddPrivacy).
        services.AddSingleton<EditionCopyService>();
        services.AddSingleton<IEmailEventSource, EmailEventSource>();
        services.AddOptions<Common.SiteSettings>();
        return services;
    }
}
