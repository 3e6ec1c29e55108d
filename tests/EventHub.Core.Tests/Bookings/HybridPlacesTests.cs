using System.Text.Json;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Bookings;

/// <summary>In-person and online places: the room's capacity and each online type's own, with a waiting list per kind.</summary>
public sealed class HybridPlacesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Room, int Online)> TypesAsync(BookingKit kit, int onlineCapacity)
    {
        var room = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "In the room", "", null, false, ct: Ct)).Value!;
        var online = await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Online", "", onlineCapacity, false, Attendance.Online, Ct);
        online.Succeeded.ShouldBeTrue(string.Join("; ", online.Errors.Select(e => e.Message)));
        return (room.Id, online.Value!.Id);
    }

    private static async Task<TicketType> TypeAsync(BookingKit kit, int id)
    {
        await using var db = kit.Database.CreateDbContext();
        return await db.Set<TicketType>().AsNoTracking().FirstAsync(t => t.Id == id, Ct);
    }

    [Fact]
    public async Task Online_places_have_their_own_capacity_and_leave_the_room_alone()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 2);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 3);

        var inPerson = new List<BookingResult>();
        for (var i = 0; i < 3; i++)
        {
            inPerson.Add(await kit.BookAsync($"Room {i}", ticket: room));
        }

        var remote = new List<BookingResult>();
        for (var i = 0; i < 4; i++)
        {
            remote.Add(await kit.BookAsync($"Remote {i}", ticket: online));
        }

        inPerson.Select(r => r.Status).ShouldBe([BookingStatus.Confirmed, BookingStatus.Confirmed, BookingStatus.Waiting]);
        remote.Select(r => r.Status).ShouldBe([BookingStatus.Confirmed, BookingStatus.Confirmed, BookingStatus.Confirmed, BookingStatus.Waiting]);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(2);
        (await TypeAsync(kit, online)).PlacesTaken.ShouldBe(3);
    }

    [Fact]
    public async Task The_attendee_list_shows_one_kind_of_place_at_a_time_and_each_waiting_list_in_its_own_order_a_page_at_a_time()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 1);
        await kit.BookAsync("Ann Room", ticket: room);
        await kit.BookAsync("Olu Online", ticket: online);
        foreach (var i in Enumerable.Range(1, 3))
        {
            await kit.BookAsync($"Wait Room {i}", ticket: room);
            await kit.BookAsync($"Wait Online {i}", ticket: online);
        }

        async Task<PagedResult<AttendeeRow>> ListAsync(BookingStatus? status, Attendance? kind, int page = 0, int size = 25) =>
            await kit.Attendees.ListAsync(Actors.Organiser, new AttendeeQuery(kit.EventId, Status: status, Page: page, PageSize: size, Attendance: kind), Ct);

        (await ListAsync(BookingStatus.Confirmed, Attendance.Online)).Items.Select(r => r.Name).ShouldBe(["Olu Online"]);
        (await ListAsync(BookingStatus.Confirmed, Attendance.InPerson)).Items.Select(r => r.Name).ShouldBe(["Ann Room"]);
        (await ListAsync(BookingStatus.Waiting, null)).TotalCount.ShouldBe(6);
        var firstPage = await ListAsync(BookingStatus.Waiting, Attendance.Online, page: 0, size: 2);
        firstPage.TotalCount.ShouldBe(3);
        firstPage.Items.Select(r => r.Name).ShouldBe(["Wait Online 1", "Wait Online 2"]);
        (await ListAsync(BookingStatus.Waiting, Attendance.Online, page: 1, size: 2)).Items.Select(r => r.Name).ShouldBe(["Wait Online 3"]);
        (await ListAsync(BookingStatus.Waiting, Attendance.InPerson)).Items.Select(r => (r.Name, r.Attendance))
            .ShouldBe([("Wait Room 1", Attendance.InPerson), ("Wait Room 2", Attendance.InPerson), ("Wait Room 3", Attendance.InPerson)]);
    }

    [Fact]
    public async Task An_online_type_needs_its_number_of_places_which_may_pass_the_room_capacity()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 20);

        var missing = await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Online", "", null, false, Attendance.Online, Ct);
        var large = await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Online", "", 500, false, Attendance.Online, Ct);
        var roomTooLarge = await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Staff", "", 500, false, ct: Ct);

        missing.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(TicketType.Quota));
        large.Succeeded.ShouldBeTrue();
        large.Value!.Attendance.ShouldBe(Attendance.Online);
        roomTooLarge.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(TicketType.Quota));
    }

    [Fact]
    public async Task A_freed_online_place_goes_to_the_next_person_waiting_online_and_a_freed_seat_to_the_next_waiting_in_person()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 1);
        var ann = await kit.BookAsync("Ann Room", ticket: room);
        var olu = await kit.BookAsync("Olu Online", ticket: online);
        var bob = await kit.BookAsync("Bob Room", ticket: room);
        var oona = await kit.BookAsync("Oona Online", ticket: online);

        // Bob waited first, but an online place is not his kind of place.
        (await kit.Bookings.CancelAsync(olu.ManageToken, Ct)).Succeeded.ShouldBeTrue();
        (await kit.BookingAsync(oona.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Waiting);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);

        (await kit.Bookings.CancelAsync(ann.ManageToken, Ct)).Succeeded.ShouldBeTrue();
        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        (await TypeAsync(kit, online)).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task A_full_room_does_not_stop_people_waiting_online_from_being_offered_a_place()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 1);
        await kit.BookAsync("Ann Room", ticket: room);
        await kit.BookAsync("Bob Room", ticket: room);
        var olu = await kit.BookAsync("Olu Online", ticket: online);
        var oona = await kit.BookAsync("Oona Online", ticket: online);
        oona.Status.ShouldBe(BookingStatus.Waiting);

        (await kit.Attendees.CancelAsync(Actors.Organiser, olu.BookingId, "Cannot come", Ct)).Succeeded.ShouldBeTrue();

        (await kit.BookingAsync(oona.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task A_booked_type_keeps_its_kind_and_a_booking_cannot_move_between_kinds()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 5);
        var ann = await kit.BookAsync("Ann Room", ticket: room);

        var change = await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, room, "In the room", "", 5, false, Attendance.Online, Ct);
        var move = await kit.Moves.MoveAsync(Actors.Organiser, new MoveRequest(ann.BookingId, online), Ct);

        change.Errors.ShouldHaveSingleItem().Message.ShouldContain("stay in person");
        move.ErrorCode.ShouldBe(BookingErrors.AttendanceDiffers.Code);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        (await TypeAsync(kit, online)).PlacesTaken.ShouldBe(0);
    }

    [Fact]
    public async Task Two_hundred_people_booking_in_person_and_online_at_once_fill_each_kind_exactly()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 50);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 30);
        // A second app instance on the same database (its own gate) stands in for a scaled-out deployment.
        using var otherGate = new BookingWriteGate();
        var other = new BookingService(kit.Database, kit.Clock, otherGate);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            (i % 4 < 2 ? kit.Bookings : other).BookAsync(new BookingRequest(kit.EventId, BookingKit.Form($"Person {i}", ticket: i % 2 == 0 ? room : online))))));

        results.ShouldAllBe(r => r.Succeeded);
        var rows = await kit.AllBookingsAsync();
        rows.Count(b => b.Status == BookingStatus.Confirmed && b.TicketTypeId == room).ShouldBe(50);
        rows.Count(b => b.Status == BookingStatus.Confirmed && b.TicketTypeId == online).ShouldBe(30);
        rows.Count(b => b.Status == BookingStatus.Waiting).ShouldBe(120);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(50);
        (await TypeAsync(kit, online)).PlacesTaken.ShouldBe(30);
        (await TypeAsync(kit, room)).PlacesTaken.ShouldBe(50);
    }

    [Fact]
    public async Task Waiting_list_positions_in_the_mails_and_on_the_manage_page_count_only_those_waiting_for_the_same_kind()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 1);
        await kit.BookAsync("Ann Room", ticket: room);
        await kit.BookAsync("Olu Online", ticket: online);
        var bob = await kit.BookAsync("Bob Room", ticket: room);
        var oona = await kit.BookAsync("Oona Online", ticket: online);
        var cat = await kit.BookAsync("Cat Room", ticket: room);
        var otto = await kit.BookAsync("Otto Online", ticket: online);

        new[] { bob, oona, cat, otto }.Select(r => r.WaitlistPosition).ShouldBe([1, 1, 2, 2]);
        (await kit.OutboxAsync(BookingTemplates.WaitlistJoined))
            .Select(m => (m.ToEmail, JsonSerializer.Deserialize<BookingMessagePayload>(m.PayloadJson)!.WaitlistPosition))
            .ShouldBe([("bob.room@devon.gov.uk", 1), ("oona.online@devon.gov.uk", 1), ("cat.room@devon.gov.uk", 2), ("otto.online@devon.gov.uk", 2)]);
        (await kit.Bookings.GetByTokenAsync(cat.ManageToken, Ct))!.WaitlistPosition.ShouldBe(2);
        (await kit.Bookings.GetByTokenAsync(otto.ManageToken, Ct))!.WaitlistPosition.ShouldBe(2);

        // Bob leaves the room's list: Cat moves up it; the online list is unchanged.
        (await kit.Bookings.LeaveWaitlistAsync(bob.ManageToken, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Bookings.GetByTokenAsync(cat.ManageToken, Ct))!.WaitlistPosition.ShouldBe(1);
        (await kit.Bookings.GetByTokenAsync(otto.ManageToken, Ct))!.WaitlistPosition.ShouldBe(2);
    }

    [Fact]
    public async Task An_approved_request_for_an_online_place_is_numbered_on_the_online_list()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 1);
        await kit.BookAsync("Ann Room", ticket: room);
        await kit.BookAsync("Olu Online", ticket: online);
        await kit.BookAsync("Bob Room", ticket: room);
        await kit.BookAsync("Cat Room", ticket: room);
        await kit.SettingsAsync(s => s.Eligibility = EligibilityMode.ApprovalRequired);
        var oona = await kit.BookAsync("Oona Online", ticket: online);
        oona.Status.ShouldBe(BookingStatus.AwaitingApproval);

        (await kit.Attendees.ApproveAsync(Actors.Organiser, oona.BookingId, Ct)).Value.ShouldBe(BookingStatus.Waiting);

        var approved = (await kit.OutboxAsync(BookingTemplates.RequestApproved)).ShouldHaveSingleItem();
        JsonSerializer.Deserialize<BookingMessagePayload>(approved.PayloadJson)!.WaitlistPosition.ShouldBe(1);
        (await kit.Bookings.GetByTokenAsync(oona.ManageToken, Ct))!.WaitlistPosition.ShouldBe(1);
    }

    [Fact]
    public async Task People_joining_both_waiting_lists_at_once_are_numbered_within_their_own_list()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 1);
        await kit.BookAsync("Ann Room", ticket: room);
        await kit.BookAsync("Olu Online", ticket: online);

        var results = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => Task.Run(() =>
            kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form($"Person {i}", ticket: i % 2 == 0 ? room : online))))));

        results.ShouldAllBe(r => r.Succeeded && r.Value!.Status == BookingStatus.Waiting);
        var rows = await kit.AllBookingsAsync();
        foreach (var type in new[] { room, online })
        {
            var ids = rows.Where(b => b.TicketTypeId == type && b.Status == BookingStatus.Waiting).Select(b => b.Id).ToHashSet();
            var mine = results.Select(r => r.Value!).Where(r => ids.Contains(r.BookingId)).ToList();
            mine.Select(r => r.WaitlistPosition).OrderBy(p => p).ShouldBe(Enumerable.Range(1, 40).Select(p => (int?)p));
            foreach (var r in mine)
            {
                (await kit.Bookings.GetByTokenAsync(r.ManageToken, Ct))!.WaitlistPosition.ShouldBe(r.WaitlistPosition);
            }
        }
    }

    [Fact]
    public async Task The_attendee_csv_says_whether_each_person_takes_part_in_person_or_online()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 5);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 5);
        await kit.BookAsync("Ann Room", ticket: room);
        await kit.BookAsync("Olu Online", ticket: online);
        var rows = await kit.Attendees.ExportRowsAsync(Actors.Organiser, kit.EventId, withNeeds: false, Ct);

        var lines = AttendeeCsv.Write(rows, [], includeNeeds: false)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.Split(',')).ToList();

        var column = Array.IndexOf(lines[0], "Attendance");
        column.ShouldBe(Array.IndexOf(lines[0], "Ticket type") + 1);
        lines.Skip(1).Select(l => (l[1], l[column - 1], l[column])).ShouldBe([("Ann Room", "In the room", "In person"), ("Olu Online", "Online", "Online")]);
    }

    [Fact]
    public async Task Moving_someone_up_the_waiting_list_passes_only_people_waiting_for_the_same_kind()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var (room, online) = await TypesAsync(kit, onlineCapacity: 1);
        await kit.BookAsync("Ann Room", ticket: room);
        await kit.BookAsync("Olu Online", ticket: online);
        var oona = await kit.BookAsync("Oona Online", ticket: online);
        var bob = await kit.BookAsync("Bob Room", ticket: room);
        var otto = await kit.BookAsync("Otto Online", ticket: online);
        var bobRank = (await kit.BookingAsync(bob.BookingId)).WaitlistRank;

        // Bob is first on the room's list: the online list ahead of him is not his.
        (await kit.Attendees.MoveUpAsync(Actors.Organiser, bob.BookingId, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Bookings.GetByTokenAsync(oona.ManageToken, Ct))!.WaitlistPosition.ShouldBe(1);
        (await kit.Bookings.GetByTokenAsync(bob.ManageToken, Ct))!.WaitlistPosition.ShouldBe(1);

        // Otto passes Oona, the one waiting online ahead of him, not Bob.
        (await kit.Attendees.MoveUpAsync(Actors.Organiser, otto.BookingId, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Bookings.GetByTokenAsync(otto.ManageToken, Ct))!.WaitlistPosition.ShouldBe(1);
        (await kit.Bookings.GetByTokenAsync(oona.ManageToken, Ct))!.WaitlistPosition.ShouldBe(2);
        (await kit.Bookings.GetByTokenAsync(bob.ManageToken, Ct))!.WaitlistPosition.ShouldBe(1);
        (await kit.BookingAsync(bob.BookingId)).WaitlistRank.ShouldBe(bobRank);
    }

    [Fact]
    public async Task A_booking_mail_names_the_ticket_type_and_its_kind_and_the_booking_writer_reads_no_ticket_type_for_it()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var (_, online) = await TypesAsync(kit, onlineCapacity: 5);
        await kit.BookAsync("Ann Online", ticket: online); // The set-up is in this node's cache from here on.
        var commands = new CommandLog();
        var bookings = new BookingService(commands.ContextsOn(kit.Database), kit.Clock, kit.Gate, setup: kit.Setup);

        var outcome = await bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Olu Online", ticket: online)), Ct);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        var mail = (await kit.OutboxAsync(BookingTemplates.BookingConfirmed)).Single(m => m.ToEmail == "olu.online@devon.gov.uk");
        var payload = JsonSerializer.Deserialize<BookingMessagePayload>(mail.PayloadJson)!;
        payload.TicketTypeName.ShouldBe("Online");
        payload.Attendance.ShouldBe(Attendance.Online);
        // The writer knows the type from the set-up: a read of the type's row per booking was a query on its hot path.
        commands.Texts.Where(c => c.StartsWith("SELECT", StringComparison.Ordinal) && c.Contains("FROM \"TicketTypes\"", StringComparison.Ordinal)
            && !c.Contains("FROM \"Events\"", StringComparison.Ordinal)).ShouldBeEmpty();
        commands.Texts.ShouldContain(c => c.StartsWith("UPDATE \"TicketTypes\"", StringComparison.Ordinal), "the online place is taken from the type's quota");
    }
}
