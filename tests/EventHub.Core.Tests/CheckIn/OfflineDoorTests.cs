using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.CheckIn;

/// <summary>The door that works offline: preparing a device, syncing what it checked in, and two doors that disagree.</summary>
public sealed class OfflineDoorTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preparing_a_device_gives_each_confirmed_ticket_as_a_salted_hash_with_the_name_and_a_needs_flag_only()
    {
        await using var kit = await CheckInKit.CreateAsync(capacity: 2);
        var form = EventHub.Core.Tests.Bookings.BookingKit.Form("Ann Example");
        form.AccessNeeds = "Step-free route please";
        var ann = (await kit.Booking.Bookings.BookAsync(new EventHub.Core.Bookings.BookingRequest(kit.EventId, form), Ct)).Value!;
        var bob = await kit.CodeOfAsync("Bob Example");
        await kit.Booking.BookAsync("Cat Waiting");
        await kit.Service.CheckInAsync(bob, kit.Organiser, kit.EventId, Ct);
        var link = await kit.LinkAsync("Side door phone");

        var pack = (await kit.Offline.PrepareAsync(Door.ForLink(link.Token), kit.EventId, Ct)).Value!;

        pack.DoorName.ShouldBe("Side door phone");
        pack.Tickets.Select(t => t.Name).ShouldBe(["Ann Example", "Bob Example"], "only confirmed tickets, not the waiting list");
        var annTicket = pack.Tickets[0];
        annTicket.Hash.ShouldBe(OfflineDoorService.HashOf(pack.Salt, ann.CheckInCode!));
        annTicket.Hash.ShouldNotContain(ann.CheckInCode!);
        annTicket.NeedsAttention.ShouldBeTrue();
        annTicket.CheckedIn.ShouldBeFalse();
        pack.Tickets[1].CheckedIn.ShouldBeTrue();
        System.Text.Json.JsonSerializer.Serialize(pack).ShouldNotContain("Step-free");

        var again = (await kit.Offline.PrepareAsync(Door.ForLink(link.Token), kit.EventId, Ct)).Value!;
        again.Salt.ShouldNotBe(pack.Salt);
        again.Tickets[0].Hash.ShouldNotBe(annTicket.Hash, "each preparation has its own salt");
    }

    [Fact]
    public async Task A_prepared_device_forgets_the_event_at_midnight_after_its_last_day_on_the_event_clock()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var now = kit.Booking.Clock.GetUtcNow().UtcDateTime;
        // 20:00 to 22:00 in London in summer (UTC+1): the day ends at 23:00 UTC.
        var day = new DateTime(now.Year, now.Month, now.Day, 0, 0, 0, DateTimeKind.Utc).AddDays(1);
        var summer = new DateTime(day.Year + 1, 7, 1, 19, 0, 0, DateTimeKind.Utc);
        await kit.SetEventTimesAsync(summer, summer.AddHours(2));

        var pack = (await kit.Offline.PrepareAsync(kit.Organiser, kit.EventId, Ct)).Value!;

        pack.ForgetAfterUtc.ShouldBe(new DateTime(summer.Year, 7, 1, 23, 0, 0, DateTimeKind.Utc));
        pack.TimeZoneId.ShouldBe("Europe/London");
    }

    [Fact]
    public async Task A_door_that_may_not_scan_can_neither_prepare_nor_sync()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var link = await kit.LinkAsync();
        (await kit.Links.RevokeAsync(Actors.Organiser, link.Id, Ct)).Succeeded.ShouldBeTrue();
        await Teams.StoreAsync(kit.Booking.Database, Actors.Stranger);

        (await kit.Offline.PrepareAsync(Door.ForLink(link.Token), kit.EventId, Ct)).ErrorCode.ShouldBe(CheckInErrors.DoorLinkInvalid.Code);
        (await kit.Offline.SyncAsync(Door.ForLink(link.Token), kit.EventId, "salt", [], Ct)).ErrorCode.ShouldBe(CheckInErrors.DoorLinkInvalid.Code);
        (await kit.Offline.PrepareAsync(Door.ForOrganiser(Actors.Stranger), kit.EventId, Ct)).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task A_synced_offline_check_in_keeps_the_time_the_door_let_them_in_and_sending_it_again_records_it_once()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var link = await kit.LinkAsync("Side door phone");
        var door = Door.ForLink(link.Token);
        var pack = (await kit.Offline.PrepareAsync(door, kit.EventId, Ct)).Value!;
        var letIn = kit.Booking.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        kit.Booking.Clock.Advance(TimeSpan.FromMinutes(40));
        var signals = 0;
        using var _ = kit.Live.Subscribe(kit.EventId, m =>
        {
            if (m.Topic == LiveTopics.CheckIn)
            {
                Interlocked.Increment(ref signals);
            }

            return Task.CompletedTask;
        });

        var first = (await kit.Offline.SyncAsync(door, kit.EventId, pack.Salt, [new OfflineCheckIn(OfflineDoorService.HashOf(pack.Salt, code), letIn)], Ct)).Value!;
        var resent = (await kit.Offline.SyncAsync(door, kit.EventId, pack.Salt, [new OfflineCheckIn(OfflineDoorService.HashOf(pack.Salt, code), letIn)], Ct)).Value!;

        first.Items.Single().Status.ShouldBe(OfflineSyncStatus.Recorded);
        resent.Items.Single().Status.ShouldBe(OfflineSyncStatus.AlreadySynced);
        await using var db = kit.Booking.Database.CreateDbContext();
        var record = await db.Set<CheckInRecord>().SingleAsync(Ct);
        record.CheckedInUtc.ShouldBe(letIn);
        record.CheckedInBy.ShouldBe("Side door phone");
        record.DoorLinkId.ShouldBe(link.Id);
        (await db.Set<CheckInConflict>().CountAsync(Ct)).ShouldBe(0);
        // On PostgreSQL the signal comes back through LISTEN/NOTIFY, a moment after the commit: wait for it, then a
        // little longer, so a second signal from the resent check-in would be counted too.
        for (var waited = 0; Volatile.Read(ref signals) < 1 && waited < 5_000; waited += 20)
        {
            await Task.Delay(20, Ct);
        }

        await Task.Delay(200, Ct);
        Volatile.Read(ref signals).ShouldBe(1);
        (await kit.Service.CountsAsync(kit.Organiser, kit.EventId, Ct)).Value!.CheckedIn.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_ticket_at_two_offline_doors_keeps_the_first_time_records_both_and_shows_the_organiser()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var front = Door.ForLink((await kit.LinkAsync("Front door")).Token);
        var side = Door.ForLink((await kit.LinkAsync("Side door")).Token);
        var frontPack = (await kit.Offline.PrepareAsync(front, kit.EventId, Ct)).Value!;
        var sidePack = (await kit.Offline.PrepareAsync(side, kit.EventId, Ct)).Value!;
        var start = kit.Booking.Clock.GetUtcNow().UtcDateTime;
        kit.Booking.Clock.Advance(TimeSpan.FromHours(1));

        // The side door comes back online first, with the later scan; the front door's earlier scan follows.
        var sideSync = await kit.Offline.SyncAsync(side, kit.EventId, sidePack.Salt, [new OfflineCheckIn(OfflineDoorService.HashOf(sidePack.Salt, code), start.AddMinutes(20))], Ct);
        var frontSync = await kit.Offline.SyncAsync(front, kit.EventId, frontPack.Salt, [new OfflineCheckIn(OfflineDoorService.HashOf(frontPack.Salt, code), start.AddMinutes(10))], Ct);
        var frontAgain = await kit.Offline.SyncAsync(front, kit.EventId, frontPack.Salt, [new OfflineCheckIn(OfflineDoorService.HashOf(frontPack.Salt, code), start.AddMinutes(10))], Ct);

        sideSync.Value!.Items.Single().Status.ShouldBe(OfflineSyncStatus.Recorded);
        frontSync.Value!.Items.Single().Status.ShouldBe(OfflineSyncStatus.Conflict);
        frontSync.Value.Conflicts.ShouldBe(1);
        frontAgain.Value!.Items.Single().Status.ShouldBe(OfflineSyncStatus.AlreadySynced);
        await using (var db = kit.Booking.Database.CreateDbContext())
        {
            var record = await db.Set<CheckInRecord>().SingleAsync(Ct);
            record.CheckedInUtc.ShouldBe(start.AddMinutes(10));
            record.CheckedInBy.ShouldBe("Front door");
        }

        var conflicts = (await kit.Offline.ConflictsAsync(Actors.Organiser, kit.EventId, Ct)).Value!;
        var row = conflicts.Rows.ShouldHaveSingleItem();
        row.ShouldBe(new CheckInConflictRow("Ann Example", start.AddMinutes(10), "Front door", start.AddMinutes(20), "Side door"));
    }

    [Fact]
    public async Task An_offline_scan_of_a_ticket_already_let_in_online_earlier_is_a_conflict_that_keeps_the_online_time()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var side = Door.ForLink((await kit.LinkAsync("Side door")).Token);
        var pack = (await kit.Offline.PrepareAsync(side, kit.EventId, Ct)).Value!;
        var online = kit.Booking.Clock.GetUtcNow().UtcDateTime;
        (await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId, Ct)).Status.ShouldBe(CheckInStatus.CheckedIn);
        kit.Booking.Clock.Advance(TimeSpan.FromMinutes(30));

        var sync = (await kit.Offline.SyncAsync(side, kit.EventId, pack.Salt, [new OfflineCheckIn(OfflineDoorService.HashOf(pack.Salt, code), online.AddMinutes(5))], Ct)).Value!;

        sync.Items.Single().Status.ShouldBe(OfflineSyncStatus.Conflict);
        var row = (await kit.Offline.ConflictsAsync(Actors.Organiser, kit.EventId, Ct)).Value!.Rows.ShouldHaveSingleItem();
        row.KeptUtc.ShouldBe(online);
        row.KeptBy.ShouldBe(Actors.Organiser.DisplayName);
        row.OtherBy.ShouldBe("Side door");
    }

    [Fact]
    public async Task Unknown_hashes_cancelled_tickets_and_times_in_the_future_are_handled_without_letting_anyone_in_wrongly()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var ann = await kit.Booking.BookAsync("Ann Cancelled");
        var bob = await kit.CodeOfAsync("Bob Example");
        var pack = (await kit.Offline.PrepareAsync(kit.Organiser, kit.EventId, Ct)).Value!;
        (await kit.Booking.Bookings.CancelAsync(ann.ManageToken, Ct)).Succeeded.ShouldBeTrue();
        var now = kit.Booking.Clock.GetUtcNow().UtcDateTime;

        var sync = (await kit.Offline.SyncAsync(kit.Organiser, kit.EventId, pack.Salt,
        [
            new OfflineCheckIn(OfflineDoorService.HashOf(pack.Salt, ann.CheckInCode!), now),
            new OfflineCheckIn(OfflineDoorService.HashOf("another salt", bob), now),
            new OfflineCheckIn(OfflineDoorService.HashOf(pack.Salt, bob), now.AddDays(3)),
        ], Ct)).Value!;

        sync.Items.Select(i => i.Status).ShouldBe([OfflineSyncStatus.NotValid, OfflineSyncStatus.NotValid, OfflineSyncStatus.Recorded]);
        sync.Items[0].Message.ShouldBe(CheckInErrors.Cancelled.Message);
        sync.Items[1].Message.ShouldBe(CheckInErrors.UnknownCode.Message);
        await using var db = kit.Booking.Database.CreateDbContext();
        (await db.Set<CheckInRecord>().SingleAsync(Ct)).CheckedInUtc.ShouldBe(now, "a clock ahead of the server's cannot date a check-in in the future");
        (await kit.Offline.SyncAsync(kit.Organiser, kit.EventId, pack.Salt,
            Enumerable.Range(0, CheckInRules.MaxOfflineBatch + 1).Select(_ => new OfflineCheckIn("x", now)).ToList(), Ct))
            .ErrorCode.ShouldBe(CheckInErrors.OfflineBatchTooLarge.Code);
    }

    [Fact]
    public async Task Only_the_events_team_with_the_figures_sees_the_conflicts()
    {
        await using var kit = await CheckInKit.CreateAsync();
        await Teams.StoreAsync(kit.Booking.Database, Actors.Stranger);
        await Teams.JoinEventAsync(kit.Booking.Database, Actors.Door, kit.EventId, TeamRole.Door);

        (await kit.Offline.ConflictsAsync(Actor.Anonymous, kit.EventId, Ct)).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        (await kit.Offline.ConflictsAsync(Actors.Stranger, kit.EventId, Ct)).IsNotFound.ShouldBeTrue();
        (await kit.Offline.ConflictsAsync(Actors.Door, kit.EventId, Ct)).Succeeded.ShouldBeFalse();
        (await kit.Offline.ConflictsAsync(Actors.Organiser, kit.EventId, Ct)).Succeeded.ShouldBeTrue();
    }
}
