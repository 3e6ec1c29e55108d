using EventHub.Core.Bookings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

/// <summary>Adding, editing, removing and reordering ticket types.</summary>
public sealed class TicketTypeAdminTests
{
    [Fact]
    public async Task A_ticket_type_with_bookings_cannot_be_removed_and_the_organiser_is_told_why()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var staff = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Council staff", "", null, false)).Value!;
        var ann = await kit.BookAsync("Ann Example", ticket: staff.Id);
        await kit.Bookings.CancelAsync(ann.ManageToken);

        var removed = await kit.TicketTypes.RemoveAsync(Actors.Organiser, kit.EventId, staff.Id);

        removed.ErrorCode.ShouldBe(BookingErrors.InUse.Code);
        removed.Errors.Single().Message.ShouldStartWith("\"Council staff\" cannot be removed because 1 booking uses it");
        (await kit.TicketTypes.ListAsync(Actors.Organiser, kit.EventId)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_unused_ticket_type_is_removed_and_the_removal_audited()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var staff = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Council staff", "", null, false)).Value!;

        (await kit.TicketTypes.RemoveAsync(Actors.Organiser, kit.EventId, staff.Id)).Value.ShouldBe("Council staff");

        (await kit.TicketTypes.ListAsync(Actors.Organiser, kit.EventId)).ShouldBeEmpty();
        (await kit.AuditLog.ListAsync(Actors.Admin, kit.EventId)).ShouldContain(a => a.Action == "ticket-type-removed");
        (await kit.TicketTypes.RemoveAsync(EventHub.Core.Common.Actor.Anonymous, kit.EventId, staff.Id)).ErrorCode
            .ShouldBe(EventHub.Core.Common.ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task A_quota_cannot_be_edited_below_the_places_already_taken()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var staff = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Council staff", "", 5, false)).Value!;
        await kit.BookAsync("Ann Example", ticket: staff.Id);
        await kit.BookAsync("Bob Example", ticket: staff.Id);

        var edited = await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, staff.Id, "Staff", "", 1, false);

        edited.ErrorFor(nameof(TicketType.Quota)).ShouldBe("Quota cannot be less than the 2 places already taken");
        (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, staff.Id, "Staff", "", 2, false)).Succeeded.ShouldBeTrue();
        var saved = (await kit.TicketTypes.ListAsync(Actors.Organiser, kit.EventId)).Single();
        (saved.Name, saved.Quota, saved.PlacesTaken).ShouldBe(("Staff", (int?)2, 2));
    }

    [Fact]
    public async Task Moving_a_ticket_type_up_and_down_reorders_the_list_and_the_ends_say_so()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        foreach (var name in new[] { "A", "B", "C" })
        {
            await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, name, "", null, false);
        }

        var types = await kit.TicketTypes.ListAsync(Actors.Organiser, kit.EventId);
        (await kit.TicketTypes.MoveAsync(Actors.Organiser, kit.EventId, types[2].Id, up: true)).Succeeded.ShouldBeTrue();
        (await kit.TicketTypes.ListAsync(Actors.Organiser, kit.EventId)).Select(t => t.Name).ShouldBe(["A", "C", "B"]);
        (await kit.TicketTypes.MoveAsync(Actors.Organiser, kit.EventId, types[0].Id, up: false)).Succeeded.ShouldBeTrue();
        (await kit.TicketTypes.ListAsync(Actors.Organiser, kit.EventId)).Select(t => t.Name).ShouldBe(["C", "A", "B"]);

        var first = await kit.TicketTypes.MoveAsync(Actors.Organiser, kit.EventId, types[2].Id, up: true);
        first.Errors.Single().Message.ShouldBe("\"C\" is already first.");
    }

    [Fact]
    public async Task Another_event_s_ticket_type_cannot_be_changed_removed_or_moved_through_this_event()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var otherEvent = await kit.AddEventAsync(10, slug: "other");
        var theirs = (await kit.TicketTypes.SaveAsync(Actors.Organiser, otherEvent, null, "Their staff", "", null, false)).Value!;

        (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, theirs.Id, "Renamed", "", null, false)).IsNotFound.ShouldBeTrue();
        (await kit.TicketTypes.RemoveAsync(Actors.Organiser, kit.EventId, theirs.Id)).IsNotFound.ShouldBeTrue();
        (await kit.TicketTypes.MoveAsync(Actors.Organiser, kit.EventId, theirs.Id, up: false)).IsNotFound.ShouldBeTrue();

        (await kit.TicketTypes.ListAsync(Actors.Organiser, otherEvent)).ShouldHaveSingleItem().Name.ShouldBe("Their staff");
    }
}
