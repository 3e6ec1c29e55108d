using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Dashboards;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Dashboards;

namespace EventHub.Web.Tests.Dashboards;

public sealed class SeriesDashboardPageTests : DashboardTestContext
{
    private int _seriesId;
    private int _lastId;

    protected override async Task SeedAsync()
    {
        // Last month's edition sold out 2 hours 30 minutes after opening and had one no-show; next month's is open.
        _seriesId = await Kit.SeriesAsync("Devon Social Media Forum");
        var lastOpened = Kit.Now.AddDays(-40);
        var last = _lastId = await Kit.EventAsync(capacity: 2, lastOpened, Kit.Now.AddDays(-30), _seriesId);
        await Kit.BookAsync(last, "a@devon.gov.uk", BookingStatus.Confirmed, lastOpened.AddHours(1), checkedIn: true);
        await Kit.BookAsync(last, "b@devon.gov.uk", BookingStatus.Confirmed, lastOpened.AddHours(2).AddMinutes(30));
        await Kit.BookAsync(last, "w@devon.gov.uk", BookingStatus.Waiting, lastOpened.AddHours(3));
        var next = await Kit.EventAsync(capacity: 10, Kit.Now.AddDays(-1), Kit.Now.AddDays(30), _seriesId);
        await Kit.BookAsync(next, "a@devon.gov.uk", BookingStatus.Confirmed, Kit.Now.AddHours(-2));
    }

    [Fact]
    public void The_owner_sees_the_editions_as_bars_with_a_sentence_and_a_table_of_every_figure()
    {
        SignIn(Actors.Organiser);

        var cut = Render<SeriesDashboardPage>(p => p.Add(c => c.Id, _seriesId));

        cut.WaitForAssertion(() => cut.Find("h1").TextContent.ShouldBe("Figures: Devon Social Media Forum"));
        cut.FindAll("h1").Count.ShouldBe(1);
        cut.Find("[data-testid=series-summary]").TextContent.ShouldBe(
            "2 editions. The best attended so far was Forum 2026-10-03 (Sat 3 Oct 2026): 1 checked in of 2 confirmed, 2 of 2 places taken.");
        cut.FindAll("svg").Count.ShouldBeGreaterThanOrEqualTo(4);
        cut.FindAll("[data-testid=series-measure-chart]").Count.ShouldBe(3);
        cut.FindAll("h3").Select(h => h.TextContent).ShouldBe(["Attendance (%)", "Hours to sell out", "Feedback score (out of 5)"]);
        cut.Find("[data-testid=sold-out-hint]").TextContent.ShouldContain("If places came back (a cancellation, more capacity) and were taken again, it is the later time");
        cut.Find("[data-testid=series-csv]").GetAttribute("href").ShouldBe($"/organiser/series/{_seriesId}/figures.csv");
        cut.FindAll("[data-testid=series-table] thead th").Select(h => h.TextContent).ShouldBe(SeriesColumns.Headers);
        var rows = cut.FindAll("[data-testid=series-table] tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToArray();
        rows.Length.ShouldBe(2);
        rows[0].ShouldBe(["Forum 2026-10-03", "Sat 3 Oct 2026", "2", "2", "2", "0", "1", "1", "50%", "2 hours 30 minutes", "1", "1", "0", "No answers yet"]);
        rows[1].ShouldBe(["Forum 2026-12-02", "Wed 2 Dec 2026", "10", "1", "1", "0", "Not yet", "Not yet", "Not yet", "Not sold out", "0", "0", "1", "No answers yet"]);
    }

    [Fact]
    public async Task Online_places_of_a_hybrid_edition_have_their_own_column_and_are_never_counted_as_no_shows()
    {
        var online = await Kit.OnlineTypeAsync(_lastId);
        var opened = Kit.Now.AddDays(-40);
        await Kit.BookOnlineAsync(_lastId, online, "o1@devon.gov.uk", opened.AddHours(4));
        await Kit.BookOnlineAsync(_lastId, online, "o2@devon.gov.uk", opened.AddHours(5));
        SignIn(Actors.Organiser);

        var cut = Render<SeriesDashboardPage>(p => p.Add(c => c.Id, _seriesId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=series-summary]").TextContent.ShouldBe(
            "2 editions. The best attended so far was Forum 2026-10-03 (Sat 3 Oct 2026): 1 checked in of 2 confirmed in person (2 online), 2 of 2 places taken."));
        var cells = cut.FindAll("[data-testid=series-table] tbody tr")[0].Children.Select(c => c.TextContent).ToArray();
        cells[SeriesColumns.Headers.ToList().IndexOf("Confirmed in person")].ShouldBe("2");
        cells[SeriesColumns.Headers.ToList().IndexOf("Confirmed online")].ShouldBe("2");
        cells[SeriesColumns.Headers.ToList().IndexOf("No-shows")].ShouldBe("1");
        cells[SeriesColumns.Headers.ToList().IndexOf("Attendance")].ShouldBe("50%");
    }

    [Fact]
    public async Task A_viewer_of_the_series_sees_it_and_a_stranger_is_told_there_is_no_such_series()
    {
        await Teams.JoinSeriesAsync(Kit.Database, Actors.Viewer, _seriesId, TeamRole.Viewer);
        SignIn(Actors.Stranger);

        var cut = Render<SeriesDashboardPage>(p => p.Add(c => c.Id, _seriesId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=series-dashboard-refused]").TextContent.ShouldBe(DashboardErrors.SeriesNotFound.Message));
        cut.Markup.ShouldNotContain("Forum 2026");
        (await Kit.Figures.ForSeriesAsync(Actors.Viewer, _seriesId, Xunit.TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Every_figure_the_series_compares_is_drawn_people_in_one_chart_and_each_other_measure_on_its_own_scale()
    {
        var past = new EditionFigures(1, "Forum, spring", new DateTime(2026, 3, 31, 9, 0, 0, DateTimeKind.Utc), "Europe/London",
            HasStarted: true, Capacity: 80, PlacesTaken: 80, Confirmed: 76, CheckedIn: 57, SoldOutAfter: TimeSpan.FromMinutes(90),
            WaitingList: 3, WaitingPeak: 12, RepeatAttendees: 20, FeedbackScore: 4.25, FeedbackAnswers: 8);
        var next = new EditionFigures(2, "Forum, summer", new DateTime(2026, 6, 30, 9, 0, 0, DateTimeKind.Utc), "Europe/London",
            HasStarted: false, Capacity: 80, PlacesTaken: 10, Confirmed: 10, CheckedIn: 0, SoldOutAfter: null,
            WaitingList: 0, WaitingPeak: 0, RepeatAttendees: 4);

        SeriesColumns.ChartSeries([past, next]).Select(c => c.Name).ShouldBe(["Capacity", "Places taken", "Checked in", "No-shows", "Waiting-list peak", "Repeat attendees"]);
        SeriesColumns.ChartSeries([past, next])[^1].Data.ShouldBe(new[] { 20d, 4d });
        var measures = SeriesColumns.MeasureCharts([past, next]);
        measures.Select(m => m.Title).ShouldBe(["Attendance (%)", "Hours to sell out", "Feedback score (out of 5)"]);
        measures.SelectMany(m => m.Series.Single().Data).ShouldBe([75d, 0d, 1.5d, 0d, 4.25d, 0d]);
    }

    [Theory]
    [InlineData(0, 0, 20, "under a minute")]
    [InlineData(0, 1, 0, "1 minute")]
    [InlineData(2, 0, 0, "2 hours")]
    [InlineData(26, 5, 0, "1 day 2 hours")]
    [InlineData(48, 59, 0, "2 days")]
    public void Sold_out_times_read_as_words(int hours, int minutes, int seconds, string expected) =>
        SeriesColumns.Duration(new TimeSpan(hours, minutes, seconds)).ShouldBe(expected);

    [Fact]
    public void The_csv_carries_a_past_edition_figures_as_raw_numbers_on_the_event_wall_clock()
    {
        // 19:30 UTC on 31 March 2026 is already 1 April on a wall clock in Auckland (a date a spreadsheet can sort).
        var past = new EditionFigures(1, "Forum, spring", new DateTime(2026, 3, 31, 19, 30, 0, DateTimeKind.Utc), "Pacific/Auckland",
            HasStarted: true, Capacity: 80, PlacesTaken: 80, Confirmed: 76, CheckedIn: 57, SoldOutAfter: TimeSpan.FromMinutes(90),
            WaitingList: 3, WaitingPeak: 12, RepeatAttendees: 20, FeedbackScore: 4.25, FeedbackAnswers: 8, OnlineConfirmed: 30);

        SeriesColumns.CsvCells(past).ShouldBe(["Forum, spring", "2026-04-01", "80", "80", "76", "30", "57", "19", "0.75", "1.5", "3", "12", "20", "4.25", "8"]);
        SeriesColumns.CsvCells(past).Count.ShouldBe(SeriesColumns.CsvHeaders.Count);
        SeriesFiguresCsv.Write(new SeriesFigures(7, "Forum", "forum", [past])).ShouldContain("\"Forum, spring\",2026-04-01,80,");
    }
}
