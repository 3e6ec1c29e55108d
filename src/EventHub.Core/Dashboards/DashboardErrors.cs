using EventHub.Core.Common;

namespace EventHub.Core.Dashboards;

/// <summary>The refusals of the figures dashboards: stable codes and the words the organiser sees.</summary>
public static class DashboardErrors
{
    public static readonly Refusal EventNotFound = Refusal.NotFound(ErrorCodes.NotFound, "Event not found.");

    public static readonly Refusal SeriesNotFound = Refusal.NotFound(ErrorCodes.NotFound, "Series not found.");
}
