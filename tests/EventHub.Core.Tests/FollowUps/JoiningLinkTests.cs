using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.FollowUps;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace EventHub.Core.Tests.FollowUps;

/// <summary>
/// The joining link goes only to confirmed online places: in the confirmation, the reminder, the manage page and the
/// "event starting" mail an hour before, which a leased job sends once per booking.
/// </summary>
public sealed class JoiningLinkTests
{
    private const string JoinUrl = "https://meet.example.org/hybrid-forum-3f9c";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReminderService Reminders(BookingKit kit) => new(kit.Database, kit.Clock, kit.Bookings);

    private static EventStartingWorker Worker(BookingKit kit) =>
        new(Reminders(kit), kit.Database.Leases(kit.Clock), kit.Clock, NullLogger<EventStartingWorker>.Instance);

    private static OutboxDelivery Delivery(BookingKit kit, SmtpListener smtp) => EmailRig.DeliveryTo(smtp, kit.Database, kit.Clock, "https://events.example");

    /// <summary>The kit's event with a joining link, starting at <paramref name="startUtc"/> in London, with a room type and an online type.</summary>
    private static async Task<(int Room, int Online)> HybridAsync(BookingKit kit, DateTime? startUtc = null, int room = 1, int online = 1)
    {
        await using (var db = kit.Database.CreateDbContext())
        {
            var start = startUtc ?? (await kit.EventAsync()).StartUtc;
            await db.Events.Where(e => e.Id == kit.EventId).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.OnlineUrl, JoinUrl).SetProperty(e => e.VenueName, "County Hall").SetProperty(e => e.TimeZoneId, "Europe/London")
                .SetProperty(e => e.Capacity, room).SetProperty(e => e.StartUtc, start).SetProperty(e => e.EndUtc, start.AddHours(3))
                .SetProperty(e => e.BookingClosesUtc, start), Ct);
        }

        var inRoom = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "In the room", "", null, false, ct: Ct)).Value!;
        var remote = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Join online", "", online, false, Attendance.Online, Ct)).Value!;
        return (inRoom.Id, remote.Id);
    }

    private static string Text(MimeMessage m) => m.TextBody + m.HtmlBody;

    private static MimeMessage MailTo(SmtpListener smtp, string who, string subjectStart) =>
        smtp.Received.Single(m => m.To.Mailboxes.Single().Address.StartsWith(who, StringComparison.Ordinal)
            && m.Subject!.StartsWith(subjectStart, StringComparison.Ordinal));

    [Fact]
    public async Task Only_a_confirmed_online_place_is_sent_the_joining_link_and_shown_it_on_the_manage_page()
    {
        await using var kit = await BookingKit.CreateAsync();
        await using var smtp = await SmtpListener.StartAsync();
        var (room, online) = await HybridAsync(kit);
        var ann = await kit.BookAsync("Ann Room", ticket: room);
        var olu = await kit.BookAsync("Olu Online", ticket: online);
        var bob = await kit.BookAsync("Bob Room", ticket: room);
        var oona = await kit.BookAsync("Oona Online", ticket: online);
        var cid = await kit.BookAsync("Cid Online", ticket: online);
        (await kit.Bookings.CancelAsync(cid.ManageToken, Ct)).Succeeded.ShouldBeTrue();

        await Delivery(kit, smtp).DeliverDueAsync(Ct);

        Text(MailTo(smtp, "olu", "Your place")).ShouldContain(JoinUrl);
        Text(MailTo(smtp, "ann", "Your place")).ShouldNotContain(JoinUrl);
        Text(MailTo(smtp, "ann", "Your place")).ShouldNotContain("joining link");
        foreach (var who in new[] { "bob", "oona", "cid" })
        {
            smtp.Received.Where(m => m.To.Mailboxes.Single().Address.StartsWith(who, StringComparison.Ordinal)).ShouldNotBeEmpty();
            smtp.Received.Where(m => m.To.Mailboxes.Single().Address.StartsWith(who, StringComparison.Ordinal))
                .ShouldAllBe(m => !Text(m).Contains(JoinUrl), who);
        }

        (await kit.Bookings.GetByTokenAsync(olu.ManageToken, Ct))!.JoiningUrl.ShouldBe(JoinUrl);
        (await kit.Bookings.GetByTokenAsync(ann.ManageToken, Ct))!.JoiningUrl.ShouldBeNull();
        (await kit.Bookings.GetByTokenAsync(oona.ManageToken, Ct))!.JoiningUrl.ShouldBeNull();
        (await kit.Bookings.GetByTokenAsync(bob.ManageToken, Ct))!.JoiningUrl.ShouldBeNull();
    }

    [Fact]
    public async Task A_held_online_place_gets_the_link_only_once_the_address_is_confirmed()
    {
        await using var kit = await BookingKit.CreateAsync();
        await using var smtp = await SmtpListener.StartAsync();
        var (_, online) = await HybridAsync(kit, online: 5);
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);
        var olu = await kit.BookAsync("Olu Online", ticket: online);
        olu.Status.ShouldBe(BookingStatus.Held);
        (await kit.Bookings.GetByTokenAsync(olu.ManageToken, Ct))!.JoiningUrl.ShouldBeNull();

        await Delivery(kit, smtp).DeliverDueAsync(Ct);
        smtp.Received.ShouldHaveSingleItem();
        Text(smtp.Received.Single()).ShouldNotContain(JoinUrl);

        (await kit.Bookings.ConfirmEmailAsync(olu.ManageToken, Ct)).Succeeded.ShouldBeTrue();
        await Delivery(kit, smtp).DeliverDueAsync(Ct);
        Text(smtp.Received.Last()).ShouldContain(JoinUrl);
    }

    [Fact]
    public async Task The_reminder_carries_the_link_to_online_places_only()
    {
        await using var kit = await BookingKit.CreateAsync();
        await using var smtp = await SmtpListener.StartAsync();
        var (room, online) = await HybridAsync(kit, room: 5, online: 5);
        await kit.BookAsync("Ann Room", ticket: room);
        await kit.BookAsync("Olu Online", ticket: online);
        kit.Clock.Advance((await kit.EventAsync()).StartUtc.AddDays(-1) - kit.Clock.GetUtcNow().UtcDateTime);

        (await Reminders(kit).SendDueAsync(Ct)).ShouldBe(2);
        await Delivery(kit, smtp).DeliverDueAsync(Ct);

        Text(MailTo(smtp, "olu", "Reminder")).ShouldContain(JoinUrl);
        Text(MailTo(smtp, "ann", "Reminder")).ShouldNotContain(JoinUrl);
    }

    [Fact]
    public async Task The_event_starting_mail_goes_an_hour_before_across_a_clock_change_to_confirmed_online_places_once()
    {
        // London clocks go back at 01:00 UTC on Sunday 31 October 2027. An event at 01:30 UTC (1:30am GMT) is due
        // its mail at 00:30 UTC, which London calls 1:30am BST: an hour of real time, whatever the wall clock says.
        var start = new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc);
        await using var kit = await BookingKit.CreateAsync();
        await using var smtp = await SmtpListener.StartAsync();
        var (room, online) = await HybridAsync(kit, start, room: 1, online: 1);
        await kit.BookAsync("Ann Room", ticket: room);
        await kit.BookAsync("Olu Online", ticket: online);
        await kit.BookAsync("Oona Online", ticket: online);
        var reminders = Reminders(kit);

        kit.Clock.Advance(start.AddMinutes(-61) - kit.Clock.GetUtcNow().UtcDateTime);
        (await reminders.SendStartingAsync(Ct)).ShouldBe(0, "one minute too early");
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        (await reminders.SendStartingAsync(Ct)).ShouldBe(1);
        (await reminders.SendStartingAsync(Ct)).ShouldBe(0, "a second sweep sends nothing new");
        kit.Clock.Advance(TimeSpan.FromMinutes(30));
        (await reminders.SendStartingAsync(Ct)).ShouldBe(0, "still once, later in the hour");

        await Delivery(kit, smtp).DeliverDueAsync(Ct);
        var starting = smtp.Received.Where(m => m.Subject!.StartsWith("Starting soon", StringComparison.Ordinal)).ShouldHaveSingleItem();
        starting.To.Mailboxes.Single().Address.ShouldStartWith("olu");
        Text(starting).ShouldContain(JoinUrl);
        (starting.TextBody ?? string.Empty).ShouldContain("It starts at Sunday 31 October 2027, 1:30am GMT.");
    }

    [Fact]
    public async Task Two_nodes_sending_the_event_starting_mail_at_once_send_each_online_place_one()
    {
        await using var kit = await BookingKit.CreateAsync();
        var (_, online) = await HybridAsync(kit, online: 40);
        for (var i = 0; i < 30; i++)
        {
            await kit.BookAsync($"Remote {i}", ticket: online);
        }

        kit.Clock.Advance((await kit.EventAsync()).StartUtc.AddMinutes(-59) - kit.Clock.GetUtcNow().UtcDateTime);

        // Two nodes' leased workers, then two sweeps with no lease at all: the unique index alone keeps it once.
        await Task.WhenAll(Task.Run(() => Worker(kit).SweepOnceAsync(Ct), Ct), Task.Run(() => Worker(kit).SweepOnceAsync(Ct), Ct));
        var counts = await Task.WhenAll(Task.Run(() => Reminders(kit).SendStartingAsync(Ct), Ct), Task.Run(() => Reminders(kit).SendStartingAsync(Ct), Ct));

        counts.Sum().ShouldBe(0);
        var sent = await kit.OutboxAsync(FollowUpTemplates.EventStarting);
        sent.Count.ShouldBe(30);
        sent.Select(m => m.ToEmail).Distinct().Count().ShouldBe(30);
        await using var db = kit.Database.CreateDbContext();
        (await db.Set<ReminderSent>().CountAsync(r => r.OffsetMinutes == ReminderService.EventStartingMarker, Ct)).ShouldBe(30);
    }
}
