namespace EventHub.Core.Events.Access;

/// <summary>Which team: one event's, or one series' (which applies to every edition).</summary>
public sealed record TeamScope(int? EventId, int? SeriesId)
{
    public static TeamScope ForEvent(int eventId) => new(eventId, null);

    public static TeamScope ForSeries(int seriesId) => new(null, seriesId);

    public bool IsSeries => SeriesId is not null;
}
