using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Tests.CheckIn;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.CheckIn;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.CheckIn;

public sealed class AttendancePageTests : CheckInPageContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddPageServices(CheckInKit kit)
    {
        Services.AddSingleton(kit.Attendance);
        Services.AddSingleton(kit.Service);
        Services.AddSingleton(kit.Offline);
    }

    [Fact]
    public async Task On_a_hybrid_event_attendance_counts_the_room_and_says_how_many_online_places_were_confirmed()
    {
        SignIn(Actors.Organiser);
        var room = (await Kit.Booking.TicketTypes.SaveAsync(Actors.Organiser, Kit.EventId, null, "In the room", "", null, false, ct: Ct)).Value!.Id;
        var online = (await Kit.Booking.TicketTypes.SaveAsync(Actors.Organiser, Kit.EventId, null, "Join online", "", 10, false, Attendance.Online, Ct)).Value!.Id;
        var ann = await Kit.CodeOfAsync("Ann Arrived", ticket: room);
        await Kit.CodeOfAsync("Bob Absent", ticket: room);
        await Kit.CodeOfAsync("Olu Online", ticket: online);
        await Kit.CodeOfAsync("Oni Online", ticket: online);
        (await Kit.Service.CheckInAsync(ann, Kit.Organiser, Kit.EventId, Ct)).Status.ShouldBe(CheckInStatus.CheckedIn);

        var cut = Render<AttendancePage>(p => p.Add(c => c.Id, Kit.EventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=attendance-total]").TextContent.ShouldBe("1 attended of 2 confirmed in person; 1 did not come."));
        cut.Find("[data-testid=attendance-online]").TextContent.ShouldStartWith("2 online places were confirmed as well.");
        cut.Markup.ShouldNotContain("<td>Join online</td>");
    }

    [Fact]
    public async Task An_event_in_the_room_only_says_nothing_about_online_places()
    {
        SignIn(Actors.Organiser);
        await Kit.CodeOfAsync("Ann Absent");

        var cut = Render<AttendancePage>(p => p.Add(c => c.Id, Kit.EventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=attendance-total]").TextContent.ShouldBe("0 attended of 1 confirmed; 1 did not come."));
        cut.FindAll("[data-testid=attendance-online]").ShouldBeEmpty();
    }
}
