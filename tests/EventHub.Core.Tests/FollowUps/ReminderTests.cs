using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.FollowUps;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.FollowUps;

public sealed class ReminderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReminderService Reminders(BookingKit kit) => new(kit.Database, kit.Clock, kit.Bookings);

    [Theory]
    [InlineData("7 days, 1 day", new[] { 10080, 1440 })]
    [InlineData("2h, 3d", new[] { 4320, 120 })]
    [InlineData("none", new int[0])]
    [InlineData("", new int[0])]
    public void Offsets_are_read_as_days_or_hours_largest_first(string text, int[] expected)
    {
        ReminderSchedule.TryParse(text, out var offsets, out var error).ShouldBeTrue(error);
        offsets.ShouldBe(expected);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("1 day, 1 day")]
    [InlineData("0 days")]
    [InlineData("61 days")]
    [InlineData("1d,2d,3d,4d,5d,6d")]
    public void Nonsense_offsets_are_refused(string text)
    {
        ReminderSchedule.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_day_before_is_counted_on_the_events_wall_clock_across_a_clock_change()
    {
        // London clocks go forward early on Sunday 29 March 2026. 10am BST that Sunday is 09:00 UTC;
        // one day before is 10am GMT on Saturday 28 March = 10:00 UTC, i.e. 23 elapsed hours earlier, not 24.
        var start = new DateTime(2026, 3, 29, 9, 0, 0, DateTimeKind.Utc);
        ReminderSchedule.DueUtc(start, "Europe/London", ReminderSchedule.MinutesPerDay).ShouldBe(new DateTime(2026, 3, 28, 10, 0, 0, DateTimeKind.Utc));
        ReminderSchedule.DueUtc(start, "Europe/London", 120).ShouldBe(new DateTime(2026, 3, 29, 7, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Saving_offsets_needs_an_organiser_and_keeps_what_was_saved()
    {
        await using var kit = await BookingKit.CreateAsync();
        var reminders = Reminders(kit);

        (await reminders.OffsetsAsync(Actors.Organiser, kit.EventId, Ct)).ShouldBe([10080, 1440]);
        (await reminders.SaveOffsetsAsync(EventHub.Core.Common.Actor.Anonymous, kit.EventId, "2 days", Ct)).ErrorCode.ShouldBe(EventHub.Core.Common.ErrorCodes.Forbidden);
        (await reminders.SaveOffsetsAsync(Actors.Organiser, kit.EventId, "3 days", Ct)).Succeeded.ShouldBeTrue();
        (await reminders.OffsetsAsync(Actors.Organiser, kit.EventId, Ct)).ShouldBe([4320]);
        (await reminders.SaveOffsetsAsync(Actors.Organiser, kit.EventId, "tomorrow", Ct)).ErrorFor("Reminders").ShouldNotBeNull();
        (await reminders.SaveOffsetsAsync(Actors.Organiser, kit.EventId, "none", Ct)).Succeeded.ShouldBeTrue();
        (await reminders.OffsetsAsync(Actors.Organiser, kit.EventId, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_confirmed_booking_gets_each_reminder_once_when_it_is_due_and_never_again()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 2);
        await kit.BookAsync("Ann Example");
        await kit.BookAsync("Bob Example");
        await kit.BookAsync("Cat Example"); // waiting: no reminder
        var reminders = Reminders(kit);
        var start = (await kit.EventAsync()).StartUtc; // 30 days away

        (await reminders.SendDueAsync(Ct)).ShouldBe(0);
        kit.Clock.Advance(start.AddDays(-7) - kit.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(1));
        (await reminders.SendDueAsync(Ct)).ShouldBe(0, "one minute too early");

        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        (await reminders.SendDueAsync(Ct)).ShouldBe(2);
        (await reminders.SendDueAsync(Ct)).ShouldBe(0, "a second sweep (or a restart) sends nothing new");

        kit.Clock.Advance(TimeSpan.FromDays(6));
        (await reminders.SendDueAsync(Ct)).ShouldBe(2);
        (await reminders.SendDueAsync(Ct)).ShouldBe(0);

        var sent = await kit.OutboxAsync(FollowUpTemplates.Reminder);
        sent.Count.ShouldBe(4);
        sent.Select(m => m.ToEmail).Distinct().Order().ShouldBe(["ann.example@devon.gov.uk", "bob.example@devon.gov.uk"]);
    }

    [Fact]
    public async Task Two_sweepers_at_once_queue_each_reminder_once()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 300);
        for (var i = 0; i < 250; i++)
        {
            await kit.BookAsync($"Person {i}", $"person{i}@devon.gov.uk");
        }

        var start = (await kit.EventAsync()).StartUtc;
        kit.Clock.Advance(start.AddDays(-1) - kit.Clock.GetUtcNow().UtcDateTime);

        var counts = await Task.WhenAll(Reminders(kit).SendDueAsync(Ct), Reminders(kit).SendDueAsync(Ct));

        counts.Sum().ShouldBe(250);
        (await kit.OutboxAsync(FollowUpTemplates.Reminder)).Count.ShouldBe(250);
    }

    [Fact]
    public async Task After_downtime_only_the_latest_due_reminder_goes_and_late_bookers_get_none()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.BookAsync("Ann Example");
        var start = (await kit.EventAsync()).StartUtc;
        kit.Clock.Advance(start.AddHours(-20) - kit.Clock.GetUtcNow().UtcDateTime);
        // Added by an organiser after the one-day reminder was due (public booking has closed by then).
        (await kit.Attendees.AddByHandAsync(Actors.Organiser, kit.EventId, BookingKit.Form("Bob Example"), Ct)).Succeeded.ShouldBeTrue();

        (await Reminders(kit).SendDueAsync(Ct)).ShouldBe(1);

        var reminder = (await kit.OutboxAsync(FollowUpTemplates.Reminder)).ShouldHaveSingleItem();
        reminder.ToEmail.ShouldBe("ann.example@devon.gov.uk");
        await using var db = kit.Database.CreateDbContext();
        (await db.Set<ReminderSent>().SingleAsync(Ct)).OffsetMinutes.ShouldBe(ReminderSchedule.MinutesPerDay);
    }

    [Fact]
    public async Task Keeping_a_place_is_recorded_and_releasing_it_offers_it_to_the_first_person_waiting()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        var reminders = Reminders(kit);

        (await reminders.KeepPlaceAsync(ann.ManageToken, Ct)).Value.ShouldBe(kit.Clock.GetUtcNow().UtcDateTime);
        (await reminders.GetAsync(ann.ManageToken, Ct))!.KeptUtc.ShouldNotBeNull();
        (await reminders.KeepPlaceAsync(bob.ManageToken, Ct)).ErrorCode.ShouldBe(FollowUpErrors.NotConfirmed.Code);
        (await reminders.KeepPlaceAsync("not-a-real-token", Ct)).ErrorCode.ShouldBe(FollowUpErrors.LinkNotValid.Code);

        (await reminders.ReleasePlaceAsync(ann.ManageToken, Ct)).Value.ShouldBe(BookingStatus.Cancelled);

        (await kit.BookingAsync(ann.BookingId)).Status.ShouldBe(BookingStatus.Cancelled);
        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await reminders.ReleasePlaceAsync(ann.ManageToken, Ct)).ErrorCode.ShouldBe(FollowUpErrors.NotConfirmed.Code);
    }
}
