using EventHub.Core.Email.MailingLists;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventHub.Core.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers mail delivery (options from "EventHub:Email"), the templates and the background delivery service.
    /// With no SMTP host, mail goes to {EventHub:DataFolder}/mail-pickup under the content root.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.SectionName))
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                if (string.IsNullOrWhiteSpace(options.PickupFolder))
                {
                    var dataFolder = configuration["EventHub:DataFolder"];
                    options.PickupFolder = Path.Combine(string.IsNullOrWhiteSpace(dataFolder) ? "data" : dataFolder, "mail-pickup");
                }

                if (!Path.IsPathRooted(options.PickupFolder))
                {
                    var root = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
                    options.PickupFolder = Path.GetFullPath(Path.Combine(root, options.PickupFolder));
                }
            });
        services.AddEmailTemplates();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutgoingMail>();
        services.AddSingleton<MailingListService>();
        services.AddSingleton<FollowUps.ReminderService>();
        services.AddSingleton<FollowUps.BulkEmailService>();
        services.AddHostedService<FollowUps.ReminderWorker>();
        services.AddSingleton<ListPriority>();
        services.AddSingleton<Bookings.IPriorityAccess>(provider => provider.GetRequiredService<ListPriority>());
        services.AddHostedService<OutboxDeliveryService>();
        return services;
    }

    /// <summary>Every message template, one class each.</summary>
    public static IServiceCollection AddEmailTemplates(this IServiceCollection services)
    {
        foreach (var type in typeof(EmailServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEmailTemplate).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IEmailTemplate), type);
        }

        services.AddSingleton<EmailTemplateRegistry>();
        return services;
    }
}
