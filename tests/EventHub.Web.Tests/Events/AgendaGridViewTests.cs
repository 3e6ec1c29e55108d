using Bunit;
using EventHub.Core.Events;
using EventHub.Web.Features.Events;

namespace EventHub.Web.Tests.Events;

public sealed class AgendaGridViewTests : BunitContext
{
    private static DateTime At(int h, int m = 0) => new(2026, 12, 3, h, m, 0, DateTimeKind.Utc);

    [Fact]
    public void The_agenda_is_a_table_with_a_column_per_room_and_a_row_per_start_time()
    {
        var grid = AgendaGrid.Build(
            [new Room { Id = 1, Name = "Hall", Capacity = 80 }, new Room { Id = 2, Name = "Room 2" }],
            [
                new Session { Id = 1, Title = "Welcome", RoomId = 1, StartUtc = At(9, 30), EndUtc = At(10) },
                new Session { Id = 2, Title = "Crisis comms", RoomId = 1, StartUtc = At(10), EndUtc = At(11), Speakers = "Comms team" },
                new Session { Id = 3, Title = "Alt text <workshop>", RoomId = 2, StartUtc = At(10), EndUtc = At(11), Capacity = 20 },
            ],
            "Europe/London");

        var view = Render<AgendaGridView>(p => p.Add(c => c.Grid, grid));

        view.FindAll("thead th").Select(th => th.TextContent.Trim()).ShouldBe(["Time", "Hall, 80 seats", "Room 2"]);
        var rows = view.FindAll("tbody tr");
        rows.Count.ShouldBe(2);
        rows[0].QuerySelector("th[scope=row]")!.TextContent.ShouldBe("9:30am");
        var tenOClock = rows[1].QuerySelectorAll("td");
        tenOClock[0].TextContent.ShouldContain("Crisis comms");
        tenOClock[0].TextContent.ShouldContain("Comms team");
        tenOClock[1].TextContent.ShouldContain("Limited to 20 places");
        // User text is encoded, never markup.
        view.Markup.ShouldContain("Alt text &lt;workshop&gt;");
    }

    [Fact]
    public void An_empty_agenda_says_so()
    {
        var view = Render<AgendaGridView>(p => p.Add(c => c.Grid, AgendaGrid.Build([], [], "Europe/London")));

        view.Find("[data-testid=agenda-empty]").TextContent.ShouldBe("The agenda has not been published yet.");
        view.FindAll("table").ShouldBeEmpty();
    }
}
