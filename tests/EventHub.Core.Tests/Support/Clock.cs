using Microsoft.Extensions.Time.Testing;

namespace EventHub.Core.Tests.Support;

public static class Clock
{
    /// <summary>A fake clock at a fixed winter instant (GMT), so tests never depend on today.</summary>
    public static FakeTimeProvider At(int year = 2026, int month = 11, int day = 2, int hour = 9) =>
        new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero));
}
