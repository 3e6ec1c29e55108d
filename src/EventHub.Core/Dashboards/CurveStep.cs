namespace EventHub.Core.Dashboards;

/// <summary>How wide one point of the sell-out curve is: an hour when booking has been open a few days, else a day.</summary>
public enum CurveStep
{
    Hour = 1,
    Day = 2,
}
