using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.CheckIn;

public sealed class CheckInUndoTests
{
    [Fact]
    public async Task An_undo_at_a_door_link_records_whose_check_in_was_undone_by_which_door_and_when()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var link = await kit.LinkAsync("Main entrance phone");
        var checkedIn = await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId);
        var checkedInAt = kit.Booking.Clock.GetUtcNow().UtcDateTime;
        kit.Booking.Clock.Advance(TimeSpan.FromMinutes(3));

        (await kit.Service.UndoAsync(checkedIn.BookingId!.Value, Door.ForLink(link.Token), kit.EventId)).Succeeded.ShouldBeTrue();

        await using var db = kit.Booking.Database.CreateDbContext();
        var undo = await db.Set<CheckInUndo>().SingleAsync(TestContext.Current.CancellationToken);
        undo.BookingId.ShouldBe(checkedIn.BookingId!.Value);
        undo.CheckedInBy.ShouldBe(Actors.Organiser.DisplayName);
        undo.CheckedInUtc.ShouldBe(checkedInAt);
        undo.UndoneBy.ShouldBe("Main entrance phone");
        undo.UndoneByDoorLinkId.ShouldBe(link.Id);
        undo.UndoneByOrganiserUserId.ShouldBeNull();
        undo.UndoneUtc.ShouldBe(checkedInAt.AddMinutes(3));
        (await db.Set<CheckInRecord>().CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task The_undo_history_lists_every_undo_newest_first_with_names_for_organisers_only()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var ann = await kit.Service.CheckInAsync(await kit.CodeOfAsync("Ann Example"), kit.Organiser, kit.EventId);
        var bob = await kit.Service.CheckInAsync(await kit.CodeOfAsync("Bob Example"), kit.Organiser, kit.EventId);
        await kit.Service.UndoAsync(ann.BookingId!.Value, kit.Organiser, kit.EventId);
        kit.Booking.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Service.UndoAsync(bob.BookingId!.Value, kit.Organiser, kit.EventId);
        // Checked in again and undone again: both undos stay in the history.
        (await kit.Service.CheckInBookingAsync(ann.BookingId!.Value, kit.Organiser, kit.EventId)).Status.ShouldBe(CheckInStatus.CheckedIn);
        kit.Booking.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Service.UndoAsync(ann.BookingId!.Value, kit.Organiser, kit.EventId);

        var history = (await kit.Service.UndoHistoryAsync(Actors.Organiser, kit.EventId)).Value!;

        history.TimeZoneId.ShouldBe(EventTime.DefaultTimeZoneId);
        history.Rows.Select(r => r.Name).ShouldBe(["Ann Example", "Bob Example", "Ann Example"]);
        history.Rows.ShouldAllBe(r => r.UndoneBy == Actors.Organiser.DisplayName);
        (await kit.Service.UndoHistoryAsync(Actor.Anonymous, kit.EventId)).ErrorCode.ShouldBe(CheckInErrors.Forbidden.Code);
    }

    [Fact]
    public async Task An_undo_that_finds_nothing_to_undo_leaves_no_history()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var ann = await kit.Service.CheckInAsync(await kit.CodeOfAsync("Ann Example"), kit.Organiser, kit.EventId);
        await kit.Service.UndoAsync(ann.BookingId!.Value, kit.Organiser, kit.EventId);

        (await kit.Service.UndoAsync(ann.BookingId!.Value, kit.Organiser, kit.EventId)).ErrorCode.ShouldBe(CheckInErrors.NotCheckedIn.Code);
        (await kit.Service.UndoAsync(ann.BookingId!.Value, Door.ForOrganiser(Actor.Anonymous), kit.EventId)).ErrorCode.ShouldBe(CheckInErrors.Forbidden.Code);

        (await kit.Service.UndoHistoryAsync(Actors.Organiser, kit.EventId)).Value!.Rows.Count.ShouldBe(1);
    }
}
