using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Common;

public static class BackgroundJobServiceCollectionExtensions
{
    /// <summary>
    /// Registers a background job that runs only when <see cref="BackgroundJobOptions.Enabled"/> is on; otherwise the
    /// node logs once that the job does not run here.
    /// </summary>
    public static IServiceCollection AddBackgroundJob<TJob>(this IServiceCollection services)
        where TJob : class, IHostedService
    {
        services.AddOptions<BackgroundJobOptions>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<BackgroundJobOptions>>().Value.Enabled
            ? ActivatorUtilities.CreateInstance<TJob>(sp)
            : new SwitchedOffJob(typeof(TJob).Name, sp.GetRequiredService<ILogger<SwitchedOffJob>>()));
        return services;
    }
}
