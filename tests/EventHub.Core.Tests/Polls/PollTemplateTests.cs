using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Email;
using Ical.Net;

namespace EventHub.Core.Tests.Polls;

public sealed class PollTemplateTests
{
    [Fact]
    public async Task Every_poll_message_has_a_registered_template()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);

        string[] names = [PollTemplates.VoteRecorded, PollTemplates.EventPublished];
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
            PollId = 1,
            PollTitle = "Winter forum <date>",
            ChangeAnswersPath = PollRoutes.ChangeAnswers("edit-token-abcdefghijklmnop"),
        };

        var mail = await DeliveredMail.DeliverAsync(rig, PollTemplates.VoteRecorded, payload, eventId: null);

        mail.Subject.ShouldBe("Your answers to Winter forum <date>");
        mail.TextBody!.ShouldNotContain("Dear", customMessage: "the name was typed by whoever voted, maybe not the owner of the address");
        mail.TextBody!.ShouldContain("https://events.devon.example/polls/answers/edit-token-abcdefghijklmnop");
        mail.HtmlBody!.ShouldContain("href=\"https://events.devon.example/polls/answers/edit-token-abcdefghijklmnop\"");
        mail.HtmlBody!.ShouldContain("Winter forum &lt;date&gt;");
        mail.HtmlBody!.ShouldNotContain("<date>");
        DeliveredMail.ExternalResource().IsMatch(mail.HtmlBody!).ShouldBeFalse();
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

        var mail = await DeliveredMail.DeliverAsync(rig, PollTemplates.EventPublished, payload, ev.Id);

        mail.Subject.ShouldBe("Social Media Forum: winter is on Thursday 3 December 2026, 4:30am to 11am UTC-05:00");
        mail.TextBody!.ShouldContain("When: Thursday 3 December 2026, 4:30am to 11am UTC-05:00");
        mail.TextBody!.ShouldContain("Where: County Hall");
        mail.TextBody!.ShouldContain("Friday 20 November 2026, 12 noon UTC-05:00");
        mail.TextBody!.ShouldContain($"https://events.devon.example/events/{ev.Slug}/book?priority=priority-token-abcdefghijk");
        mail.TextBody!.ShouldContain($"https://events.devon.example/events/{ev.Slug}");
        mail.HtmlBody!.ShouldContain($"href=\"https://events.devon.example/events/{ev.Slug}/book?priority=priority-token-abcdefghijk\"");
        mail.HtmlBody!.ShouldContain("4:30am to 11am UTC-05:00");
        DeliveredMail.ExternalResource().IsMatch(mail.HtmlBody!).ShouldBeFalse();
        var invite = DeliveredMail.Invite(mail);
        var vevent = invite.Events.Single();
        vevent.Summary.ShouldBe(ev.Title);
        vevent.DtStart!.AsUtc.ShouldBe(new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc));
        // One calendar entry per event: the invite a booking confirmation carries later has the same UID and replaces this one.
        vevent.Uid.ShouldBe(EventHub.Core.Email.Rendering.CalendarInvite.Uid(ev.Id, rig.Options));
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

        var mail = await DeliveredMail.DeliverAsync(rig, PollTemplates.EventPublished, payload, ev.Id);

        mail.TextBody!.ShouldNotContain("priority=");
        mail.TextBody!.ShouldNotContain("Book your place");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
