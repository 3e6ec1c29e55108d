using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.CheckIn;

public sealed class AttendanceTests
{
    [Fact]
    public async Task Attendance_and_no_shows_are_counted_per_ticket_type_and_per_organisation()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var speaker = (await kit.Booking.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Speaker", string.Empty, null, false)).Value!.Id;
        var delegateType = (await kit.Booking.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Delegate", string.Empty, null, false)).Value!.Id;
        var a = await kit.CodeOfAsync("Ann Devon", "Devon County Council", delegateType);
        await kit.CodeOfAsync("Bob Devon", "Devon County Council", delegateType);
        var c = await kit.CodeOfAsync("Cat Cornwall", "Cornwall Council", speaker);
        await kit.CodeOfAsync("Dan Cornwall", "Cornwall Council", speaker);
        await kit.CodeOfAsync("Eve Cornwall", "cornwall council ", delegateType);
        foreach (var code in new[] { a, c })
        {
            await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId);
        }

        var report = (await kit.Attendance.ReportAsync(Actors.Organiser, kit.EventId)).Value!;

        report.Total.ShouldBe(new AttendanceRow("All", 5, 2));
        report.Total.NoShows.ShouldBe(3);
        report.ByTicketType.ShouldBe([new AttendanceRow("Delegate", 3, 1), new AttendanceRow("Speaker", 2, 1)]);
        report.ByOrganisation.ShouldBe([new AttendanceRow("Cornwall Council", 3, 1), new AttendanceRow("Devon County Council", 2, 1)]);
    }

    [Fact]
    public async Task The_attendance_csv_has_a_row_per_group_and_defuses_formulas()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var a = await kit.CodeOfAsync("Ann Example", "=HYPERLINK(\"x\")");
        await kit.CodeOfAsync("Bob Example", "Devon County Council");
        await kit.Service.CheckInAsync(a, kit.Organiser, kit.EventId);

        var csv = AttendanceService.ToCsv((await kit.Attendance.ReportAsync(Actors.Organiser, kit.EventId)).Value!);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe("Breakdown,Group,Confirmed,Attended,No-shows,Attendance %");
        lines[1].ShouldBe("Total,All,2,1,1,50.0");
        lines.ShouldContain("Organisation,Devon County Council,1,0,1,0.0");
        lines.ShouldContain(l => l.StartsWith("Organisation,\"'=HYPERLINK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_organisers_see_attendance_and_the_door_list()
    {
        await using var kit = await CheckInKit.CreateAsync();

        (await kit.Attendance.ReportAsync(Actor.Anonymous, kit.EventId)).ErrorCode.ShouldBe(CheckInErrors.Forbidden.Code);
        (await kit.Service.DoorListAsync(Actor.Anonymous, kit.EventId)).ErrorCode.ShouldBe(CheckInErrors.Forbidden.Code);
    }

    [Fact]
    public async Task The_door_list_is_alphabetical_confirmed_only_with_the_flag_but_no_access_details()
    {
        await using var kit = await CheckInKit.CreateAsync(capacity: 3);
        await kit.CodeOfAsync("zoe Last");
        var ann = await kit.Booking.BookAsync("Ann First");
        await kit.CodeOfAsync("Mia Middle");
        await kit.Booking.BookAsync("Wes Waiting");
        await using (var db = kit.Booking.Database.CreateDbContext())
        {
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                System.Linq.Queryable.Where(db.Set<EventHub.Core.Bookings.Booking>(), b => b.Id == ann.BookingId),
                s => s.SetProperty(b => b.AccessNeeds, "Hearing loop"));
        }

        await kit.Service.CheckInAsync(ann.CheckInCode!, kit.Organiser, kit.EventId);

        var list = (await kit.Service.DoorListAsync(Actors.Organiser, kit.EventId)).Value!;

        list.Select(r => r.Name).ShouldBe(["Ann First", "Mia Middle", "zoe Last"]);
        list[0].NeedsAttention.ShouldBeTrue();
        list[0].CheckedIn.ShouldBeTrue();
        list[1].NeedsAttention.ShouldBeFalse();
        typeof(DoorListRow).GetProperties().Select(p => p.Name).ShouldNotContain("AccessNeeds");
    }
}
