using EventHub.Core.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<PrivacyOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection("Privacy"));
        }

        services.AddSingleton(sp => new RetentionPolicyCache(sp.GetService<ILiveSignal>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<RetentionService>();
        services.AddSingleton<PrivacyNotices>();
        services.AddSingleton<Anonymiser>();
        services.AddSingleton<SubjectAccessService>();
        services.AddSingleton<Events.IEditionCopyPart, RetentionEditionCopy>();
        services.AddBackgroundJob<RetentionSweepWorker>();
        return services;
    }
}
