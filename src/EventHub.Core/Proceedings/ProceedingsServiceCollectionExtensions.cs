using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Proceedings;

public static class ProceedingsServiceCollectionExtensions
{
    /// <summary>Notes, materials, write-ups, proceedings and the archive. Files go to {DataFolder}/materials.</summary>
    public static IServiceCollection AddProceedings(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var dataFolder = sp.GetService<IOptions<DataOptions>>()?.Value.DataFolder ?? new DataOptions().DataFolder;
            if (!Path.IsPathRooted(dataFolder))
            {
                var root = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
                dataFolder = Path.Combine(root, dataFolder);
            }

            return new MaterialStore(Path.Combine(dataFolder, "materials"));
        });
        services.AddSingleton<NotesService>();
        services.AddSingleton<MaterialService>();
        services.AddSingleton<ProceedingsService>();
        services.AddSingleton<WriteUpService>();
        services.AddSingleton<CreditService>();
        services.AddSingleton<ConvenerMailService>();
        services.AddSingleton<Events.ISessionMergeObserver, SessionRecordMerge>();
        services.AddSingleton<Events.ISessionNotesLinks, SessionNotesLinks>();
        return services;
    }
}
