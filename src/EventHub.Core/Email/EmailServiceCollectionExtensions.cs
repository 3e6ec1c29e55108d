using EventHub.Core.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EventHub.Core.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers mail delivery (options from "EventHub:Email"), the template registry and the background delivery
    /// service. Each feature registers its own templates with <see cref="AddEmailTemplatesBeside{TMarker}"/>.
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
        services.TryAddSingleton<EmailTemplateRegistry>();
        // Tokens in queued payloads are stored protected with the app's data-protection keys (the host chooses where
        // the key ring lives; every node shares it). The database adds every registered interceptor.
        services.AddDataProtection();
        services.AddSingleton<OutboxPayloadProtection>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<OutboxPayloadProtection>());
        services.AddSingleton<OutboxDelivery>();
        services.TryAddSingleton<DeliveryYield>();
        services.AddSingleton<OutgoingMail>();
        services.AddSingleton<UnrequestedMail>();
        services.AddBackgroundJob<OutboxDeliveryService>();
        return services;
    }

    /// <summary>
    /// Registers every template class in the namespace of <typeparamref name="TMarker"/> (a feature's <c>Emails</c>
    /// folder), so Email finds a feature's templates without knowing the feature.
    /// </summary>
    public static IServiceCollection AddEmailTemplatesBeside<TMarker>(this IServiceCollection services)
    {
        var marker = typeof(TMarker);
        foreach (var type in marker.Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace == marker.Namespace && typeof(IEmailTemplate).IsAssignableFrom(t)))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IEmailTemplate), type));
        }

        services.TryAddSingleton<EmailTemplateRegistry>();
        return services;
    }
}
