using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.CheckIn;

public static class CheckInServiceCollectionExtensions
{
    public static IServiceCollection AddCheckIn(this IServiceCollection services)
    {
        services.AddSingleton<CheckInService>();
        services.AddSingleton<DoorLinkService>();
        services.AddSingleton<AttendanceService>();
        services.AddSingleton<OfflineDoorService>();
        services.AddSingleton<BadgeService>();
        return services;
    }
}
