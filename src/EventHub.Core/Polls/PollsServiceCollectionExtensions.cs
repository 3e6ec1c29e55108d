using EventHub.Core.Common;
using Microsoft.Extensions.Configuration;
using EventHub.Core.Email;
using EventHub.Core.Polls.Emails;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Polls;

public static class PollsServiceCollectionExtensions
{
    /// <summary>Registers date polls. Needs AddEvents() (finalising creates a draft event through EventService).</summary>
    public static IServiceCollection AddPolls(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<PollSettings>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection("Polls"));
        }

        services.AddSingleton<PollSetupService>();
        services.AddSingleton<PollVotingService>();
        services.AddSingleton<PollFinalisingService>();
        services.AddSingleton<PollPersonalDataService>();
        services.AddSingleton<PollPriority>();
        services.AddSingleton<Bookings.IPriorityAccess>(provider => provider.GetRequiredService<PollPriority>());
        services.AddBackgroundJob<PollRetentionService>();
        services.AddEmailTemplatesBeside<PollVoteRecordedEmail>();
        return services;
    }
}
