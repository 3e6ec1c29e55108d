namespace EventHub.Core.CheckIn;

/// <summary>One line of the attendance figures: confirmed places, how many came, how many did not.</summary>
public sealed record AttendanceRow(string Group, int Confirmed, int Attended)
{
    public int NoShows => Confirmed - Attended;

    public double AttendanceRate => Confirmed == 0 ? 0 : (double)Attended / Confirmed;
}
