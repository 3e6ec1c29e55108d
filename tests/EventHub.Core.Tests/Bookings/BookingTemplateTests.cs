using EventHub.Core.Bookings;
using EventHub.Core.FollowUps;
using EventHub.Core.Tests.Email;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace EventHub.Core.Tests.Bookings;

public sealed class BookingTemplateTests
{
    public static TheoryData<string> BookingMessageNames() =>
    [
        BookingTemplates.BookingConfirmed, BookingTemplates.RequestReceived, BookingTemplates.RequestApproved, BookingTemplates.RequestDeclined,
        BookingTemplates.WaitlistJoined, BookingTemplates.PlaceOffered, BookingTemplates.OfferExpired, BookingTemplates.BookingCancelled,
        BookingTemplates.BookingLinkResent, BookingTemplates.SessionPlaceConfirmed, BookingTemplates.EventChanged, BookingTemplates.EventCancelled,
        FollowUpTemplates.Reminder, BookingTemplates.BookingChanged, BookingTemplates.PlaceHeld,
    ];

    [Theory]
    [MemberData(nameof(BookingMessageNames))]
    public async Task Every_booking_message_has_a_subject_text_and_self_contained_html_with_times_in_the_event_zone(string template)
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync(timeZoneId: "America/New_York");

        var mail = await DeliveredMail.DeliverAsync(rig, template, EmailRig.Booking(), evt.Id);

        mail.Subject.ShouldNotBeNullOrWhiteSpace();
        mail.Subject.ShouldContain("Social Media Forum: winter");
        mail.ReplyTo.Mailboxes.Single().Address.ShouldBe("organisers@devon.example");
        // 9:30 UTC on 3 December is 4:30am in New York.
        mail.TextBody!.ShouldContain("Thursday 3 December 2026, 4:30am to 11am UTC-05:00");
        mail.TextBody!.ShouldContain("Dear Ann Attendee,");
        mail.TextBody!.ShouldContain("https://events.devon.example/manage/manage-token-abcdefghijklmnop");
        mail.HtmlBody!.ShouldContain("4:30am to 11am UTC-05:00");
        DeliveredMail.ExternalResource().IsMatch(mail.HtmlBody!).ShouldBeFalse("images, fonts and styles come with the message, never from a server");
    }

    [Fact]
    public async Task The_online_joining_link_goes_only_to_someone_with_a_confirmed_place()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync();
        await using (var db = rig.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == evt.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.OnlineUrl, "https://meet.example/secret-room"), TestContext.Current.CancellationToken);
        }

        var confirmed = await DeliveredMail.DeliverAsync(rig, BookingTemplates.BookingConfirmed, EmailRig.Booking(), evt.Id);
        confirmed.TextBody!.ShouldContain("https://meet.example/secret-room");

        foreach (var template in new[] { BookingTemplates.WaitlistJoined, BookingTemplates.PlaceOffered, BookingTemplates.RequestReceived, BookingTemplates.EventChanged, BookingTemplates.EventCancelled, BookingTemplates.BookingCancelled })
        {
            // Lifecycle gives a message a check-in code only while its booking holds a confirmed place.
            var mail = await DeliveredMail.DeliverAsync(rig, template, EmailRig.Booking() with { CheckInCode = null }, evt.Id);
            mail.TextBody!.ShouldNotContain("secret-room", customMessage: template);
            mail.HtmlBody!.ShouldNotContain("secret-room", customMessage: template);
            foreach (var part in mail.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MediaType == "text" && p.ContentType.MediaSubtype == "calendar"))
            {
                using var reader = new StreamReader(part.Content!.Open());
                (await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).ShouldNotContain("secret-room", customMessage: template + " invite");
            }
        }
    }

    [Theory]
    [InlineData(BookingTemplates.WaitlistJoined)]
    [InlineData(BookingTemplates.OfferExpired)]
    public async Task Someone_without_a_place_is_offered_the_series_mailing_list_for_the_next_edition(string template)
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var inSeries = await rig.AddEventAsync();
        var alone = await rig.AddEventAsync("Digital drop-in");
        await using (var db = rig.Database.CreateDbContext())
        {
            var series = new Core.Events.EventSeries { Name = "Social Media Forum", Slug = "social-media-forum-" + Guid.NewGuid().ToString("N")[..6], CreatedUtc = rig.Now };
            db.Add(series);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await db.Events.Where(e => e.Id == inSeries.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.SeriesId, series.Id), TestContext.Current.CancellationToken);
        }

        var mail = await DeliveredMail.DeliverAsync(rig, template, EmailRig.Booking() with { CheckInCode = null }, inSeries.Id);
        var slug = await SeriesSlugAsync(rig, inSeries.Id);

        mail.TextBody!.ShouldContain("Want to hear when the next Social Media Forum opens for booking?");
        mail.TextBody!.ShouldContain($"https://events.devon.example/series/{slug}/mailing-list");
        mail.HtmlBody!.ShouldContain($"href=\"https://events.devon.example/series/{slug}/mailing-list\"");
        var without = await DeliveredMail.DeliverAsync(rig, template, EmailRig.Booking() with { CheckInCode = null }, alone.Id);
        without.TextBody!.ShouldNotContain("mailing list");
    }

    private static async Task<string> SeriesSlugAsync(EmailRig rig, int eventId)
    {
        await using var db = rig.Database.CreateDbContext();
        return await db.Events.Where(e => e.Id == eventId).Select(e => e.Series!.Slug).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_place_offer_has_accept_and_decline_links_and_the_expiry_in_the_event_time_zone()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync(timeZoneId: "America/New_York");

        var mail = await DeliveredMail.DeliverAsync(rig, BookingTemplates.PlaceOffered, EmailRig.Booking() with { OfferExpiresUtc = new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc) }, evt.Id);

        mail.TextBody!.ShouldContain("Accept by: Friday 20 November 2026, 12 noon UTC-05:00");
        mail.TextBody!.ShouldContain("https://events.devon.example/manage/manage-token-abcdefghijklmnop/accept-offer");
        mail.HtmlBody!.ShouldContain("href=\"https://events.devon.example/manage/manage-token-abcdefghijklmnop/decline-offer\"");
    }

    [Fact]
    public async Task Joining_the_waiting_list_says_the_place_in_the_queue()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync();

        var mail = await DeliveredMail.DeliverAsync(rig, BookingTemplates.WaitlistJoined, EmailRig.Booking() with { WaitlistPosition = 12 }, evt.Id);

        mail.TextBody!.ShouldContain("Your place in the queue: 12th");
    }

    [Fact]
    public async Task A_declined_request_gives_the_organisers_reason()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync();

        var mail = await DeliveredMail.DeliverAsync(rig, BookingTemplates.RequestDeclined, EmailRig.Booking() with { Reason = "This forum is for council staff" }, evt.Id);

        mail.TextBody!.ShouldContain("Reason: This forum is for council staff");
    }

    [Fact]
    public async Task An_event_change_sends_an_invite_with_the_same_uid_and_a_higher_sequence()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync();
        var first = DeliveredMail.Invite(await DeliveredMail.DeliverAsync(rig, BookingTemplates.BookingConfirmed, EmailRig.Booking(), evt.Id));

        await using (var db = rig.Database.CreateDbContext())
        {
            var stored = await db.Events.FindAsync([evt.Id], Ct);
            stored!.StartUtc = stored.StartUtc.AddDays(7);
            stored.EndUtc = stored.EndUtc.AddDays(7);
            await db.SaveChangesAsync(Ct);
        }

        var changedMail = await DeliveredMail.DeliverAsync(rig, BookingTemplates.EventChanged, EmailRig.Booking(), evt.Id);
        var changed = DeliveredMail.Invite(changedMail);
        var again = DeliveredMail.Invite(await DeliveredMail.DeliverAsync(rig, BookingTemplates.EventChanged, EmailRig.Booking(), evt.Id, "bob@devon.example"));

        changed.Method.ShouldBe("REQUEST");
        var before = first.Events.Single();
        var after = changed.Events.Single();
        after.Uid.ShouldBe(before.Uid);
        after.Sequence.ShouldBeGreaterThan(before.Sequence);
        after.DtStart!.AsUtc.ShouldBe(new DateTime(2026, 12, 10, 9, 30, 0, DateTimeKind.Utc));
        again.Events.Single().Sequence.ShouldBe(after.Sequence, "everyone told about one change gets the same sequence");
        changedMail.TextBody!.ShouldContain("Thursday 10 December 2026");
    }

    [Fact]
    public async Task A_cancelled_event_sends_a_cancelling_invite_for_the_same_uid()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync();
        var first = DeliveredMail.Invite(await DeliveredMail.DeliverAsync(rig, BookingTemplates.BookingConfirmed, EmailRig.Booking(), evt.Id));
        await using (var db = rig.Database.CreateDbContext())
        {
            var stored = await db.Events.FindAsync([evt.Id], Ct);
            stored!.Status = Core.Events.EventStatus.Cancelled;
            await db.SaveChangesAsync(Ct);
        }

        var cancelled = DeliveredMail.Invite(await DeliveredMail.DeliverAsync(rig, BookingTemplates.EventCancelled, EmailRig.Booking(), evt.Id));

        cancelled.Method.ShouldBe("CANCEL");
        cancelled.Events.Single().Uid.ShouldBe(first.Events.Single().Uid);
        cancelled.Events.Single().Status.ShouldBe("CANCELLED");
        cancelled.Events.Single().Sequence.ShouldBeGreaterThan(first.Events.Single().Sequence);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
