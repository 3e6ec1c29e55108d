using System.Text;
using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.OpenSpace;
using EventHub.Core.Polls;
using EventHub.Core.Proceedings;
using Ical.Net;
using MimeKit;

namespace EventHub.Core.Tests.Email;

public sealed partial class PollAndOpenSpaceTemplateTests
{
    [Fact]
    public async Task Every_poll_open_space_and_proceedings_message_has_a_registered_template()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);

        string[] names = [PollTemplates.VoteRecorded, PollTemplates.EventPublished,
            OpenSpaceEmailTemplates.SessionMoved, OpenSpaceEmailTemplates.SessionMerged, ProceedingsEmailTemplates.FollowUp];
        foreach (var name in names)
        {
            rig.Templates.Names.ShouldContain(name);
        }
    }

    [Fact]
    public async Task A_recorded_vote_gives_the_private_link_to_change_the_answers()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var payload = new PollVoteRecordedPayload
        {
            PollTitle = "Winter forum <date>",
            VoterName = "Ann Attendee",
            ChangeAnswersPath = PollRoutes.ChangeAnswers("edit-token-abcdefghijklmnop"),
        };

        var mail = await DeliverAsync(rig, PollTemplates.VoteRecorded, payload, eventId: null);

        mail.Subject.ShouldBe("Your answers to Winter forum <date>");
        mail.TextBody!.ShouldContain("Dear Ann Attendee,");
        mail.TextBody!.ShouldContain("https://events.devon.example/polls/answers/edit-token-abcdefghijklmnop");
        mail.HtmlBody!.ShouldContain("href=\"https://events.devon.example/polls/answers/edit-token-abcdefghijklmnop\"");
        mail.HtmlBody!.ShouldContain("Winter forum &lt;date&gt;");
        mail.HtmlBody!.ShouldNotContain("<date>");
        ExternalResource().IsMatch(mail.HtmlBody!).ShouldBeFalse();
    }

    [Fact]
    public async Task A_published_poll_event_gives_the_date_in_the_event_zone_the_priority_link_and_an_invite()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var ev = await rig.AddEventAsync(timeZoneId: "America/New_York");
        var payload = new PollEventPublishedPayload
        {
            PollTitle = "When shall we meet?",
            EventTitle = ev.Title,
            VoterName = "Ann Attendee",
            StartUtc = ev.StartUtc,
            EndUtc = ev.EndUtc,
            TimeZoneId = ev.TimeZoneId,
            WhenText = EventTime.FormatRange(ev.StartUtc, ev.EndUtc, ev.TimeZoneId),
            Place = ev.VenueName,
            EventPath = $"/events/{ev.Slug}",
            PriorityBookingPath = PollRoutes.PriorityBooking(ev.Slug, "priority-token-abcdefghijk"),
            GeneralBookingOpensUtc = new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc),
        };

        var mail = await DeliverAsync(rig, PollTemplates.EventPublished, payload, ev.Id);

        mail.Subject.ShouldBe("Social Media Forum: winter is on Thursday 3 December 2026, 4:30am to 11am UTC-05:00");
        mail.TextBody!.ShouldContain("When: Thursday 3 December 2026, 4:30am to 11am UTC-05:00");
        mail.TextBody!.ShouldContain("Where: County Hall");
        mail.TextBody!.ShouldContain("Friday 20 November 2026, 12 noon UTC-05:00");
        mail.TextBody!.ShouldContain($"https://events.devon.example/events/{ev.Slug}/book?priority=priority-token-abcdefghijk");
        mail.TextBody!.ShouldContain($"https://events.devon.example/events/{ev.Slug}");
        mail.HtmlBody!.ShouldContain($"href=\"https://events.devon.example/events/{ev.Slug}/book?priority=priority-token-abcdefghijk\"");
        mail.HtmlBody!.ShouldContain("4:30am to 11am UTC-05:00");
        ExternalResource().IsMatch(mail.HtmlBody!).ShouldBeFalse();
        var invite = Invite(mail);
        var vevent = invite.Events.Single();
        vevent.Summary.ShouldBe(ev.Title);
        vevent.DtStart!.AsUtc.ShouldBe(new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc));
        // One calendar entry per event: the invite a booking confirmation carries later has the same UID and replaces this one.
        vevent.Uid.ShouldBe(EventHub.Core.Email.Templates.CalendarInvite.Uid(ev, rig.Options));
        vevent.Description!.ShouldContain($"See the event and book: https://events.devon.example/events/{ev.Slug}");
    }

    [Fact]
    public async Task A_published_poll_event_without_a_priority_link_offers_no_early_booking()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var ev = await rig.AddEventAsync();
        var payload = new PollEventPublishedPayload
        {
            PollTitle = "When shall we meet?", EventTitle = ev.Title, VoterName = "Bob", StartUtc = ev.StartUtc, EndUtc = ev.EndUtc,
            TimeZoneId = ev.TimeZoneId, WhenText = "", Place = ev.VenueName, EventPath = $"/events/{ev.Slug}",
        };

        var mail = await DeliverAsync(rig, PollTemplates.EventPublished, payload, ev.Id);

        mail.TextBody!.ShouldNotContain("priority=");
        mail.TextBody!.ShouldNotContain("Book your place");
    }

    [Fact]
    public async Task A_moved_session_says_where_it_was_and_where_it_is_now_in_the_event_zone()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var ev = await rig.AddEventAsync(timeZoneId: "America/New_York");
        var payload = new SessionChangedPayload
        {
            SessionId = 7, SessionTitle = "Bots & <trolls>", RecipientName = "Ann Attendee",
            OldRoom = "Room A", OldStartUtc = new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc),
            NewRoom = "Main hall", NewStartUtc = new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Utc),
            NewEndUtc = new DateTime(2026, 12, 3, 18, 0, 0, DateTimeKind.Utc),
        };

        var mail = await DeliverAsync(rig, OpenSpaceEmailTemplates.SessionMoved, payload, ev.Id);

        mail.Subject.ShouldBe("Moved: Bots & <trolls>");
        mail.TextBody!.ShouldContain("Was in: Room A");
        mail.TextBody!.ShouldContain("Was at: Thursday 3 December 2026, 10am UTC-05:00");
        mail.TextBody!.ShouldContain("Now in: Main hall");
        mail.TextBody!.ShouldContain("Now: Thursday 3 December 2026, 12 noon to 1pm UTC-05:00");
        mail.TextBody!.ShouldContain($"https://events.devon.example/events/{ev.Slug}/board");
        mail.HtmlBody!.ShouldContain("Bots &amp; &lt;trolls&gt;");
        mail.HtmlBody!.ShouldNotContain("<trolls>");
        mail.HtmlBody!.ShouldContain("12 noon to 1pm UTC-05:00");
        ExternalResource().IsMatch(mail.HtmlBody!).ShouldBeFalse();
    }

    [Fact]
    public async Task A_merged_session_names_the_session_it_joined()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var ev = await rig.AddEventAsync();
        var payload = new SessionChangedPayload
        {
            SessionId = 8, SessionTitle = "Chatbots", RecipientName = "Ann Attendee",
            OldRoom = "Room B", OldStartUtc = new DateTime(2026, 12, 3, 11, 0, 0, DateTimeKind.Utc),
            NewRoom = "Room A", NewStartUtc = new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc),
            NewEndUtc = new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc), MergedIntoTitle = "AI in the council",
        };

        var mail = await DeliverAsync(rig, OpenSpaceEmailTemplates.SessionMerged, payload, ev.Id);

        mail.Subject.ShouldBe("Merged: Chatbots is now part of AI in the council");
        mail.TextBody!.ShouldContain("merged into AI in the council");
        mail.TextBody!.ShouldContain("Now in: Room A");
        mail.TextBody!.ShouldContain("Now: Thursday 3 December 2026, 2pm to 3pm GMT");
        mail.HtmlBody!.ShouldContain("AI in the council");
        mail.HtmlBody!.ShouldContain($"href=\"https://events.devon.example/events/{ev.Slug}/board\"");
    }

    [Fact]
    public async Task The_follow_up_links_to_the_proceedings_and_counts_the_materials()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var ev = await rig.AddEventAsync(title: "Open <data> day");
        var payload = new FollowUpPayload { RecipientName = "Ann Attendee", ProceedingsPath = $"/events/{ev.Slug}/proceedings", MaterialCount = 4 };

        var mail = await DeliverAsync(rig, ProceedingsEmailTemplates.FollowUp, payload, ev.Id);

        mail.Subject.ShouldBe("Notes and materials from Open <data> day");
        mail.TextBody!.ShouldContain($"https://events.devon.example/events/{ev.Slug}/proceedings");
        mail.TextBody!.ShouldContain("Materials: 4 files and links");
        mail.TextBody!.ShouldContain("When: Thursday 3 December 2026, 9:30am to 4pm GMT");
        mail.HtmlBody!.ShouldContain($"href=\"https://events.devon.example/events/{ev.Slug}/proceedings\"");
        mail.HtmlBody!.ShouldContain("Open &lt;data&gt; day");
        mail.HtmlBody!.ShouldNotContain("<data>");
        ExternalResource().IsMatch(mail.HtmlBody!).ShouldBeFalse();
    }

    private static async Task<MimeMessage> DeliverAsync(EmailRig rig, string template, object payload, int? eventId)
    {
        var queued = await rig.EnqueueAsync(template, payload, eventId);
        var report = await rig.Delivery.DeliverDueAsync(Ct);
        report.Sent.ShouldBe(1, (await rig.ReloadAsync(queued.Id)).LastError);
        return await MimeMessage.LoadAsync(rig.Delivery.PickupPath(queued), Ct);
    }

    private static Calendar Invite(MimeMessage mail)
    {
        var part = mail.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return Calendar.Load(Encoding.UTF8.GetString(bytes.ToArray()))!;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("(src|href)=\"https?://(?!events\\.devon\\.example)|<link|@import|url\\(", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
