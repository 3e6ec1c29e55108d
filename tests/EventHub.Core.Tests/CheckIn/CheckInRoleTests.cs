using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.CheckIn;

/// <summary>
/// The organiser side of check-in, tried by an organiser on none of the event's teams, a door volunteer with an
/// account (Door role) and a viewer, on a real SQLite file.
/// </summary>
public sealed class CheckInRoleTests : IAsyncLifetime
{
    private CheckInKit _kit = default!;
    private string _code = default!;
    private int _bookingId;

    public async ValueTask InitializeAsync()
    {
        _kit = await CheckInKit.CreateAsync();
        await Teams.StoreAsync(_kit.Booking.Database, Actors.Stranger);
        await Teams.JoinEventAsync(_kit.Booking.Database, Actors.Door, _kit.EventId, TeamRole.Door);
        await Teams.JoinEventAsync(_kit.Booking.Database, Actors.Viewer, _kit.EventId, TeamRole.Viewer);
        var form = BookingKit.Form("Ann Example");
        form.AccessNeeds = "Step-free route please";
        var booked = await _kit.Booking.Bookings.BookAsync(new EventHub.Core.Bookings.BookingRequest(_kit.EventId, form));
        _code = booked.Value!.CheckInCode!;
        _bookingId = booked.Value.BookingId;
    }

    public ValueTask DisposeAsync() => _kit.DisposeAsync();

    [Fact]
    public async Task An_organiser_on_none_of_the_teams_cannot_scan_search_count_or_read_the_lists_and_is_told_the_event_does_not_exist()
    {
        var door = Door.ForOrganiser(Actors.Stranger);

        var scan = await _kit.Service.CheckInAsync(_code, door, _kit.EventId);

        scan.Status.ShouldBe(CheckInStatus.DoorNotAllowed);
        scan.Code.ShouldBe(CheckInErrors.EventNotFound.Code);
        scan.Name.ShouldBeNull();
        (await _kit.Service.SearchAsync(door, _kit.EventId, "ann")).IsNotFound.ShouldBeTrue();
        (await _kit.Service.CountsAsync(door, _kit.EventId)).IsNotFound.ShouldBeTrue();
        (await _kit.Service.DoorListAsync(Actors.Stranger, _kit.EventId)).IsNotFound.ShouldBeTrue();
        (await _kit.Service.UndoHistoryAsync(Actors.Stranger, _kit.EventId)).IsNotFound.ShouldBeTrue();
        (await _kit.Attendance.ReportAsync(Actors.Stranger, _kit.EventId)).IsNotFound.ShouldBeTrue();
        await using var db = _kit.Booking.Database.CreateDbContext();
        (await db.Set<CheckInRecord>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_door_role_checks_people_in_and_reads_the_door_list_with_a_needs_flag_but_not_the_needs()
    {
        var door = Door.ForOrganiser(Actors.Door);

        (await _kit.Service.CheckInAsync(_code, door, _kit.EventId)).Status.ShouldBe(CheckInStatus.CheckedIn);
        (await _kit.Service.SearchAsync(door, _kit.EventId, "ann")).Value!.Items.ShouldHaveSingleItem().NeedsAttention.ShouldBeTrue();
        (await _kit.Service.CountsAsync(door, _kit.EventId)).Value!.CheckedIn.ShouldBe(1);
        (await _kit.Service.UndoAsync(_bookingId, door, _kit.EventId)).Succeeded.ShouldBeTrue();
        var row = (await _kit.Service.DoorListAsync(Actors.Door, _kit.EventId)).Value!.ShouldHaveSingleItem();
        row.Name.ShouldBe("Ann Example");
        row.NeedsAttention.ShouldBeTrue();
        row.ToString().ShouldNotContain("Step-free");

        (await _kit.Booking.Attendees.ExportRowsAsync(Actors.Door, _kit.EventId, withNeeds: true)).ShouldBeEmpty();
        (await _kit.Attendance.ReportAsync(Actors.Door, _kit.EventId)).IsForbidden.ShouldBeTrue();
        (await _kit.Service.UndoHistoryAsync(Actors.Door, _kit.EventId)).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task A_viewer_reads_the_attendance_figures_but_may_not_work_the_door()
    {
        (await _kit.Service.CheckInAsync(_code, Door.ForOrganiser(Actors.Organiser), _kit.EventId)).Status.ShouldBe(CheckInStatus.CheckedIn);

        var report = await _kit.Attendance.ReportAsync(Actors.Viewer, _kit.EventId);

        report.Value!.Total.Attended.ShouldBe(1);
        var scan = await _kit.Service.CheckInAsync(_code, Door.ForOrganiser(Actors.Viewer), _kit.EventId);
        scan.Status.ShouldBe(CheckInStatus.DoorNotAllowed);
        scan.Code.ShouldBe(ErrorCodes.Forbidden);
        (await _kit.Service.DoorListAsync(Actors.Viewer, _kit.EventId)).IsForbidden.ShouldBeTrue();
        (await _kit.Service.UndoAsync(_bookingId, Door.ForOrganiser(Actors.Viewer), _kit.EventId)).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task The_door_role_may_not_make_list_reissue_or_revoke_door_links_read_the_figures_or_print_badges()
    {
        var link = await _kit.LinkAsync();
        var now = _kit.Booking.Clock.GetUtcNow().UtcDateTime;

        var made = await _kit.Links.CreateAsync(Actors.Door, _kit.EventId, new DoorLinkInput("Side door", now, now.AddHours(4)));
        var listed = await _kit.Links.ListInZoneAsync(Actors.Door, _kit.EventId);
        var reissued = await _kit.Links.ReissueAsync(Actors.Door, link.Id);
        var revoked = await _kit.Links.RevokeAsync(Actors.Door, link.Id);

        made.IsForbidden.ShouldBeTrue();
        listed.IsForbidden.ShouldBeTrue();
        reissued.IsForbidden.ShouldBeTrue();
        revoked.IsForbidden.ShouldBeTrue();
        (await _kit.Links.ListAsync(Actors.Door, _kit.EventId)).ShouldBeEmpty();
        (await _kit.Attendance.ReportAsync(Actors.Door, _kit.EventId)).IsForbidden.ShouldBeTrue();
        (await _kit.Badges.PageAsync(Actors.Door, _kit.EventId, BadgeSelection.Everyone)).IsForbidden.ShouldBeTrue();
        (await _kit.Offline.ConflictsAsync(Actors.Door, _kit.EventId)).IsForbidden.ShouldBeTrue();
        // What the page offers the door does work for it: the door list and the offline pack.
        (await _kit.Service.DoorListAsync(Actors.Door, _kit.EventId)).Succeeded.ShouldBeTrue();
        (await _kit.Offline.PrepareAsync(Door.ForOrganiser(Actors.Door), _kit.EventId)).Succeeded.ShouldBeTrue();
        (await _kit.Links.OpenAsync(link.Token)).ShouldNotBeNull();
        await using var db = _kit.Booking.Database.CreateDbContext();
        (await db.Set<DoorLink>().CountAsync()).ShouldBe(1);
    }
}
