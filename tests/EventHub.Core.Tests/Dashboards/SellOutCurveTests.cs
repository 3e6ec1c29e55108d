using EventHub.Core.Dashboards;

namespace EventHub.Core.Tests.Dashboards;

public sealed class SellOutCurveTests
{
    private static readonly DateTime Opened = new(2026, 3, 20, 22, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Daily_steps_are_days_in_the_event_zone_not_in_utc()
    {
        // 22:00 UTC on 21 March is already 22 March in Helsinki (UTC+2).
        var hours = new[] { new HourCount(new DateTime(2026, 3, 21, 22, 0, 0, DateTimeKind.Utc), 3, 1) };

        var (step, points) = SellOutCurve.Build(hours, Opened, Opened.AddDays(5), "Europe/Helsinki");

        step.ShouldBe(CurveStep.Day);
        points[0].ShouldBe(new CurvePoint(new DateTime(2026, 3, 21), 0, 0));
        points[1].ShouldBe(new CurvePoint(new DateTime(2026, 3, 22), 3, 1));
        points[^1].ShouldBe(new CurvePoint(new DateTime(2026, 3, 26), 3, 1));
    }

    [Fact]
    public void Bookings_made_before_the_opening_count_from_the_first_step_and_late_ones_extend_the_curve()
    {
        var hours = new[]
        {
            new HourCount(Opened.AddDays(-3), 2, 0),
            new HourCount(Opened.AddHours(4), 1, 0),
        };

        var (step, points) = SellOutCurve.Build(hours, Opened, Opened.AddHours(2), "Europe/London");

        step.ShouldBe(CurveStep.Hour);
        points.Count.ShouldBe(5);
        points[0].ShouldBe(new CurvePoint(new DateTime(2026, 3, 20, 22, 0, 0), 2, 0));
        points[^1].ShouldBe(new CurvePoint(new DateTime(2026, 3, 21, 2, 0, 0), 3, 0));
    }
}
