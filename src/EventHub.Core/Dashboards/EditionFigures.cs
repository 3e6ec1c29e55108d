namespace EventHub.Core.Dashboards;

/// <summary>
/// One edition of a series, as the series dashboard compares it. <see cref="SoldOutAfter"/> runs from booking
/// opening to the moment every place in the room was last taken (online places have their own capacity and do not count) (a place that came back and was taken again moves it later); it
/// is null while a place is free; <see cref="WaitingList"/> counts the people still waiting (those later offered a place count as
/// booked) and <see cref="WaitingPeak"/> the most who waited at once; <see cref="RepeatAttendees"/> counts confirmed
/// people whose email had a confirmed booking for an earlier edition (kept through anonymisation by the mark the
/// retention job sets). <see cref="FeedbackScore"/> is the average overall score (1–5) of
/// <see cref="FeedbackAnswers"/> answers; null when nobody has answered. <see cref="Confirmed"/>, <see cref="CheckedIn"/>,
/// the no-shows and the attendance rate count places in the room; <see cref="OnlineConfirmed"/> the confirmed online places apart.
/// </summary>
public sealed record EditionFigures(
    int EventId,
    string Title,
    DateTime StartUtc,
    string TimeZoneId,
    bool HasStarted,
    int Capacity,
    int PlacesTaken,
    int Confirmed,
    int CheckedIn,
    TimeSpan? SoldOutAfter,
    int WaitingList,
    int WaitingPeak,
    int RepeatAttendees,
    double? FeedbackScore = null,
    int FeedbackAnswers = 0,
    int OnlineConfirmed = 0)
{
    public int NoShows => Math.Max(0, Confirmed - CheckedIn);

    /// <summary>Checked in out of confirmed, 0–1; null before the event or when nobody was confirmed.</summary>
    public double? AttendanceRate => HasStarted && Confirmed > 0 ? (double)CheckedIn / Confirmed : null;
}
