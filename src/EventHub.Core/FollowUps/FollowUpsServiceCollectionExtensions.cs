using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.FollowUps.Emails;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.FollowUps;

public static class FollowUpsServiceCollectionExtensions
{
    /// <summary>Reminders, "event starting", "still coming?", releasing a place and organisers' bulk email. Needs AddBookings().</summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddSingleton<ReminderService>();
        services.AddSingleton<BulkEmailService>();
        services.AddSingleton<FollowUpService>();
        services.AddBackgroundJob<ReminderWorker>();
        services.AddBackgroundJob<EventStartingWorker>();
        services.AddSingleton<Events.IEditionCopyPart, ReminderEditionCopy>();
        services.AddEmailTemplatesBeside<ReminderEmail>();
        return services;
    }
}
