using EventHub.Core.Events;

namespace EventHub.Core.Tests.Events;

public sealed class AgendaGridTests
{
    private static DateTime At(int h, int m = 0) => new(2026, 12, 3, h, m, 0, DateTimeKind.Utc);

    [Fact]
    public void Sessions_are_laid_out_by_start_time_and_room()
    {
        var rooms = new[] { new Room { Id = 1, Name = "Hall", SortOrder = 1 }, new Room { Id = 2, Name = "Room 2", SortOrder = 2 } };
        var sessions = new[]
        {
            new Session { Id = 1, Title = "Welcome", RoomId = 1, StartUtc = At(9, 30), EndUtc = At(10) },
            new Session { Id = 2, Title = "Crisis comms", RoomId = 1, StartUtc = At(10), EndUtc = At(11) },
            new Session { Id = 3, Title = "Alt text", RoomId = 2, StartUtc = At(10), EndUtc = At(11) },
        };

        var grid = AgendaGrid.Build(rooms, sessions, "Europe/London");

        grid.Columns.Select(c => c.Name).ShouldBe(["Hall", "Room 2"]);
        grid.Rows.Select(r => r.TimeLabel).ShouldBe(["9:30am", "10am"]);
        grid.Rows[1].Cells[0].Single().Title.ShouldBe("Crisis comms");
        grid.Rows[1].Cells[1].Single().Title.ShouldBe("Alt text");
        grid.Rows[0].Cells[1].ShouldBeEmpty();
    }

    [Fact]
    public void Sessions_without_a_room_get_their_own_column()
    {
        var grid = AgendaGrid.Build([new Room { Id = 1, Name = "Hall" }], [new Session { Id = 1, Title = "Lunch", StartUtc = At(12), EndUtc = At(13) }], "Europe/London");

        grid.Columns[^1].Name.ShouldBe("Other");
        grid.Rows.Single().Cells[^1].Single().Title.ShouldBe("Lunch");
    }

    [Fact]
    public void Times_show_in_the_event_time_zone()
    {
        var summer = new DateTime(2026, 7, 1, 8, 30, 0, DateTimeKind.Utc);

        var grid = AgendaGrid.Build([], [new Session { Id = 1, Title = "Welcome", StartUtc = summer, EndUtc = summer.AddHours(1) }], "Europe/London");

        grid.Rows.Single().TimeLabel.ShouldBe("9:30am");
    }
}
