using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Feedback;
using EventHub.Core.FollowUps;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Events;

public sealed class EditionCopyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EditionCopyService Copier(BookingKit kit) =>
        new(kit.Database, kit.Clock, [new BookingEditionCopy(), new ReminderEditionCopy(), new FeedbackEditionCopy(), new RetentionEditionCopy()]);

    [Fact]
    public async Task A_copy_is_a_draft_with_the_rooms_sessions_tickets_questions_rules_reminders_feedback_questions_and_privacy_but_no_bookings()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.BookAsync("Ann Attendee");
        await SetUpLastEditionAsync(kit);

        var outcome = await Copier(kit).CopyAsync(Actors.Organiser, kit.EventId, new DateOnly(2027, 3, 4), Ct);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        outcome.Value!.Copied.ShouldBe([
            "1 room", "2 sessions", "the privacy notice", "3 ticket types", "1 registration question", "the eligibility and waiting-list rules",
            "reminders (3 days)", "2 feedback questions", "the retention periods",
        ]);
        await using var db = kit.Database.CreateDbContext();
        var copy = await db.Events.AsNoTracking().SingleAsync(e => e.Id == outcome.Value.Copy.Id, Ct);
        copy.Status.ShouldBe(EventStatus.Draft);
        copy.PlacesTaken.ShouldBe(0);
        copy.Title.ShouldBe("Digital Forum forum");
        copy.Slug.ShouldBe("digital-forum-forum-2027-03-04");
        EventTime.FormatDateTime(copy.StartUtc, copy.TimeZoneId).ShouldBe("Thursday 4 March 2027, 9am GMT");

        var room = await db.Rooms.SingleAsync(r => r.EventId == copy.Id, Ct);
        room.Name.ShouldBe("Main hall");
        var sessions = await db.Sessions.Where(s => s.EventId == copy.Id).OrderBy(s => s.StartUtc).ToListAsync(Ct);
        sessions.Select(s => s.Title).ShouldBe(["Welcome", "Workshop"]);
        sessions[0].RoomId.ShouldBe(room.Id);
        sessions.ShouldAllBe(s => s.PlacesTaken == 0);

        var tickets = await db.Set<TicketType>().Where(t => t.EventId == copy.Id).OrderBy(t => t.SortOrder).ToListAsync(Ct);
        tickets.Select(t => (t.Name, t.Quota, t.PlacesTaken, t.Attendance))
            .ShouldBe([("Council staff", (int?)30, 0, Attendance.InPerson), ("Speakers", (int?)5, 0, Attendance.InPerson), ("Online", (int?)200, 0, Attendance.Online)]);
        tickets[1].SecretToken.ShouldNotBeNull();
        tickets[1].SecretToken.ShouldNotBe("speaker-secret-token-0000000000");
        (await db.Set<RegistrationQuestion>().Where(q => q.EventId == copy.Id).Select(q => q.Text).ToListAsync(Ct)).ShouldBe(["Dietary needs"]);
        var rules = await db.Set<BookingSettings>().SingleAsync(s => s.EventId == copy.Id, Ct);
        (rules.Eligibility, rules.AllowedDomains, rules.OutsideDomain).ShouldBe((EligibilityMode.AllowedDomains, "devon.gov.uk\n*.devon.gov.uk", OutsideDomainAction.RequestApproval));
        rules.PlacesAreFor.ShouldBe("Places are for people who work in the public sector in Devon.");
        (await db.Set<ReminderSettings>().SingleAsync(s => s.EventId == copy.Id, Ct)).OffsetMinutes.ShouldBe("4320");
        (await db.Set<EventHub.Core.Bookings.Booking>().CountAsync(b => b.EventId == copy.Id, Ct)).ShouldBe(0);

        copy.PrivacyNotice.ShouldBe("We keep your name for the register.");
        var feedback = await db.Set<FeedbackQuestion>().Where(q => q.EventId == copy.Id).OrderBy(q => q.SortOrder).ToListAsync(Ct);
        feedback.Select(q => (q.Text, q.Kind, q.Options)).ShouldBe([
            ("How did you hear of it?", FeedbackQuestionKind.SingleChoice, "Email\nA colleague"),
            ("How useful was the marketplace?", FeedbackQuestionKind.Rating, ""),
        ]);
        var retention = await db.Set<RetentionSetting>().SingleAsync(r => r.EventId == copy.Id, Ct);
        (retention.PersonalDataMonths, retention.NeedsDays).ShouldBe(((int?)6, (int?)14));
    }

    [Fact]
    public async Task An_event_with_no_notice_retention_or_feedback_questions_of_its_own_copies_none()
    {
        await using var kit = await BookingKit.CreateAsync();

        var outcome = await Copier(kit).CopyAsync(Actors.Organiser, kit.EventId, new DateOnly(2027, 3, 4), Ct);

        outcome.Value!.Copied.ShouldBe(["0 rooms", "0 sessions"]);
        await using var db = kit.Database.CreateDbContext();
        (await db.Events.SingleAsync(e => e.Id == outcome.Value.Copy.Id, Ct)).PrivacyNotice.ShouldBeEmpty();
        (await db.Set<RetentionSetting>().AnyAsync(r => r.EventId == outcome.Value.Copy.Id, Ct)).ShouldBeFalse();
        (await db.Set<FeedbackQuestion>().AnyAsync(q => q.EventId == outcome.Value.Copy.Id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Session_and_booking_times_keep_their_wall_clock_time_across_a_clock_change()
    {
        // The last edition is on 2 December 2026 (GMT); the new one on 2 June 2027 (BST, one hour ahead of UTC).
        await using var kit = await BookingKit.CreateAsync();
        await SetUpLastEditionAsync(kit);
        var last = await kit.EventAsync();
        EventTime.FormatDateTime(last.StartUtc, last.TimeZoneId).ShouldBe("Wednesday 2 December 2026, 9am GMT");

        var outcome = await Copier(kit).CopyAsync(Actors.Organiser, kit.EventId, new DateOnly(2027, 6, 2), Ct);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        var copy = outcome.Value!.Copy;
        EventTime.FormatRange(copy.StartUtc, copy.EndUtc, copy.TimeZoneId).ShouldBe("Wednesday 2 June 2027, 9am to 4pm BST");
        copy.StartUtc.ShouldBe(new DateTime(2027, 6, 2, 8, 0, 0, DateTimeKind.Utc));
        EventTime.FormatDateTime(copy.BookingClosesUtc!.Value, copy.TimeZoneId).ShouldBe("Tuesday 1 June 2027, 9am BST");
        await using var db = kit.Database.CreateDbContext();
        var workshop = await db.Sessions.SingleAsync(s => s.EventId == copy.Id && s.Title == "Workshop", Ct);
        EventTime.FormatRange(workshop.StartUtc, workshop.EndUtc, copy.TimeZoneId).ShouldBe("Wednesday 2 June 2027, 10am to 11am BST");
    }

    [Fact]
    public async Task Copying_needs_an_organiser_an_existing_event_and_a_date_to_come()
    {
        await using var kit = await BookingKit.CreateAsync();
        var copier = Copier(kit);

        (await copier.CopyAsync(Actor.Anonymous, kit.EventId, new DateOnly(2027, 3, 4), Ct)).IsForbidden.ShouldBeTrue();
        (await copier.CopyAsync(Actors.Organiser, 999, new DateOnly(2027, 3, 4), Ct)).IsNotFound.ShouldBeTrue();
        (await copier.CopyAsync(Actors.Organiser, kit.EventId, null, Ct)).ErrorFor(EditionCopyService.DateField).ShouldBe(EventErrors.CopyDateMissing.Message);
        (await copier.CopyAsync(Actors.Organiser, kit.EventId, new DateOnly(2026, 11, 2), Ct)).ErrorFor(EditionCopyService.DateField).ShouldBe(EventErrors.CopyDateNotInFuture.Message);
        await using var db = kit.Database.CreateDbContext();
        (await db.Events.CountAsync(Ct)).ShouldBe(1);
    }

    private static async Task SetUpLastEditionAsync(BookingKit kit)
    {
        await using var db = kit.Database.CreateDbContext();
        var ev = await db.Events.FirstAsync(e => e.Id == kit.EventId, Ct);
        var room = new Room { EventId = ev.Id, Name = "Main hall", Capacity = 80 };
        db.Add(room);
        await db.SaveChangesAsync(Ct);
        db.Add(new Session { EventId = ev.Id, RoomId = room.Id, Title = "Welcome", StartUtc = ev.StartUtc, EndUtc = ev.StartUtc.AddMinutes(30) });
        db.Add(new Session { EventId = ev.Id, Title = "Workshop", Capacity = 12, PlacesTaken = 3, StartUtc = ev.StartUtc.AddHours(1), EndUtc = ev.StartUtc.AddHours(2) });
        db.Add(new TicketType { EventId = ev.Id, Name = "Council staff", Quota = 30, PlacesTaken = 4, SortOrder = 1 });
        db.Add(new TicketType { EventId = ev.Id, Name = "Speakers", Quota = 5, Hidden = true, SecretToken = "speaker-secret-token-0000000000", SortOrder = 2 });
        db.Add(new TicketType { EventId = ev.Id, Name = "Online", Quota = 200, PlacesTaken = 12, Attendance = Attendance.Online, SortOrder = 3 });
        db.Add(new RegistrationQuestion { EventId = ev.Id, Text = "Dietary needs", Kind = QuestionKind.ShortText, SortOrder = 1 });
        db.Add(new RegistrationQuestion { EventId = ev.Id, Text = "Old question", Kind = QuestionKind.ShortText, SortOrder = 2, Hidden = true });
        db.Add(new BookingSettings
        {
            EventId = ev.Id,
            Eligibility = EligibilityMode.AllowedDomains,
            AllowedDomains = "devon.gov.uk\n*.devon.gov.uk",
            OutsideDomain = OutsideDomainAction.RequestApproval,
            PlacesAreFor = "Places are for people who work in the public sector in Devon.",
        });
        db.Add(new ReminderSettings { EventId = ev.Id, OffsetMinutes = "4320" });
        ev.PrivacyNotice = "We keep your name for the register.";
        db.Add(new FeedbackQuestion { EventId = ev.Id, Text = "How useful was the marketplace?", Kind = FeedbackQuestionKind.Rating, SortOrder = 2 });
        db.Add(new FeedbackQuestion { EventId = ev.Id, Text = "How did you hear of it?", Kind = FeedbackQuestionKind.SingleChoice, Options = "Email\nA colleague", SortOrder = 1 });
        db.Add(new RetentionSetting { EventId = ev.Id, PersonalDataMonths = 6, NeedsDays = 14 });
        await db.SaveChangesAsync(Ct);
    }
}
