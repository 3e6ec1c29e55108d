using System.Text;
using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SmtpServer.Protocol;

namespace EventHub.Core.Tests.Email;

public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task A_confirmation_arrives_with_text_and_html_an_inline_qr_of_the_check_in_code_and_an_invite_starting_at_the_right_utc_time()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var rig = await EmailRig.CreateAsync(smtp.Port);
        var evt = await rig.AddEventAsync(timeZoneId: "Europe/Paris");
        var queued = await rig.EnqueueAsync(BookingTemplates.BookingConfirmed, EmailRig.Booking("CHK-7Q2M-XK4P"), evt.Id);

        var report = await rig.Delivery.DeliverDueAsync(Ct);

        report.Sent.ShouldBe(1);
        var mail = smtp.Received.ShouldHaveSingleItem();
        mail.MessageId.ShouldBe(queued.MessageId);
        mail.To.Mailboxes.Single().Address.ShouldBe("ann@devon.example");
        mail.ReplyTo.Mailboxes.Single().Address.ShouldBe("organisers@devon.example");
        mail.Subject.ShouldBe("Your place at Social Media Forum: winter is confirmed");
        mail.TextBody!.ShouldContain("CHK-7Q2M-XK4P");
        mail.TextBody!.ShouldContain("https://events.devon.example/manage/manage-token-abcdefghijklmnop");
        // Shown in the event's own zone: 9:30 UTC is 10:30am in Paris.
        mail.TextBody!.ShouldContain("Thursday 3 December 2026, 10:30am to 5pm UTC+01:00");
        mail.HtmlBody!.ShouldContain("cid:ticket-qr@eventhub");
        mail.HtmlBody!.ShouldNotContain("http://", Case.Insensitive, "no external resources beyond links");

        var qr = mail.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
        qr.ContentId.ShouldBe("ticket-qr@eventhub");
        using var png = new MemoryStream();
        await qr.Content!.DecodeToAsync(png, Ct);
        QrDecoder.Decode(png.ToArray()).ShouldBe("CHK-7Q2M-XK4P");

        var ics = mail.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var icsBytes = new MemoryStream();
        await ics.Content!.DecodeToAsync(icsBytes, Ct);
        var calendar = Calendar.Load(Encoding.UTF8.GetString(icsBytes.ToArray()))!;
        calendar.Method.ShouldBe("REQUEST");
        var invite = calendar.Events.ShouldHaveSingleItem();
        invite.DtStart!.AsUtc.ShouldBe(new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc));
        invite.DtStart.TzId.ShouldBe("Europe/Paris");
        invite.Location.ShouldBe("County Hall, Topsham Road, Exeter EX2 4QD");
        invite.Description!.ShouldContain("https://events.devon.example/manage/manage-token-abcdefghijklmnop");

        var stored = await rig.ReloadAsync(queued.Id);
        stored.Status.ShouldBe(OutboxStatus.Sent);
        stored.SentUtc.ShouldBe(rig.Now);
        stored.Subject.ShouldBe(mail.Subject);
    }

    [Fact]
    public async Task Messages_wait_while_the_smtp_server_is_down_and_each_arrives_exactly_once_when_it_is_back_even_after_a_restart()
    {
        var smtp = SmtpListener.Stopped();
        await using var rig = await EmailRig.CreateAsync(smtp.Port);
        var evt = await rig.AddEventAsync();
        var queued = new List<OutboxMessage>();
        for (var i = 0; i < 5; i++)
        {
            queued.Add(await rig.EnqueueAsync(BookingTemplates.RequestReceived, EmailRig.Booking(), evt.Id, $"person{i}@devon.example"));
        }

        var down = await rig.Delivery.DeliverDueAsync(Ct);
        down.Deferred.ShouldBe(5);
        var waiting = await rig.ReloadAsync(queued[0].Id);
        waiting.Status.ShouldBe(OutboxStatus.Queued);
        waiting.LastError.ShouldNotBeNullOrWhiteSpace();
        waiting.NextAttemptUtc.ShouldBe(rig.Now + rig.Options.RetryBaseDelay);

        // Not due yet: nothing is claimed before the back-off has passed.
        (await rig.Delivery.DeliverDueAsync(Ct)).Claimed.ShouldBe(0);

        rig.Clock.Advance(rig.Options.RetryBaseDelay);
        (await rig.Delivery.DeliverDueAsync(Ct)).Deferred.ShouldBe(5);
        (await rig.ReloadAsync(queued[0].Id)).NextAttemptUtc.ShouldBe(rig.Now + (rig.Options.RetryBaseDelay * 2), "the wait doubles");

        await smtp.StartAgainAsync();
        try
        {
            rig.Clock.Advance(rig.Options.RetryBaseDelay * 2);

            // A fresh delivery object on the same database is an application restart.
            var restarted = new OutboxDelivery(rig.Database, rig.Templates, new EmailEventSource(), Microsoft.Extensions.Options.Options.Create(rig.Options), rig.Clock,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxDelivery>.Instance);
            (await restarted.DeliverDueAsync(Ct)).Sent.ShouldBe(5);
            (await restarted.DeliverDueAsync(Ct)).Claimed.ShouldBe(0);

            smtp.Received.Select(m => m.MessageId).OrderBy(x => x).ShouldBe(queued.Select(m => m.MessageId).OrderBy(x => x));
            smtp.Sessions.Distinct().Count().ShouldBe(1, "one SMTP connection carries the whole batch");
        }
        finally
        {
            await smtp.StopAsync();
        }
    }

    [Fact]
    public async Task A_5xx_reply_marks_the_message_failed_with_the_reply_text_and_a_retry_sends_it()
    {
        await using var smtp = await SmtpListener.StartAsync();
        smtp.Reply = _ => new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "Mailbox unavailable: ann does not work here");
        await using var rig = await EmailRig.CreateAsync(smtp.Port);
        var evt = await rig.AddEventAsync();
        var queued = await rig.EnqueueAsync(BookingTemplates.BookingConfirmed, EmailRig.Booking(), evt.Id);

        (await rig.Delivery.DeliverDueAsync(Ct)).Failed.ShouldBe(1);

        var failed = await rig.ReloadAsync(queued.Id);
        failed.Status.ShouldBe(OutboxStatus.Failed);
        failed.LastError.ShouldBe("550 Mailbox unavailable: ann does not work here");
        smtp.Received.ShouldBeEmpty();

        smtp.Reply = _ => null;
        var outgoing = new OutgoingMail(rig.Database, Microsoft.Extensions.Options.Options.Create(rig.Options), rig.Clock, new EventHub.Core.Events.Access.OutgoingMailAccess());
        (await outgoing.RetryAsync(Actors.Admin, queued.Id, Ct)).Succeeded.ShouldBeTrue();
        (await rig.Delivery.DeliverDueAsync(Ct)).Sent.ShouldBe(1);

        smtp.Received.ShouldHaveSingleItem().MessageId.ShouldBe(queued.MessageId);
        (await rig.ReloadAsync(queued.Id)).Status.ShouldBe(OutboxStatus.Sent);
    }

    [Fact]
    public async Task A_4xx_reply_leaves_the_message_queued_for_a_later_try_while_the_rest_of_the_batch_goes()
    {
        await using var smtp = await SmtpListener.StartAsync();
        smtp.Reply = m => m.To.Mailboxes.Single().Address == "busy@devon.example"
            ? new SmtpResponse((SmtpReplyCode)450, "Try again later")
            : null;
        await using var rig = await EmailRig.CreateAsync(smtp.Port);
        var evt = await rig.AddEventAsync();
        var busy = await rig.EnqueueAsync(BookingTemplates.WaitlistJoined, EmailRig.Booking(), evt.Id, "busy@devon.example");
        var fine = await rig.EnqueueAsync(BookingTemplates.WaitlistJoined, EmailRig.Booking(), evt.Id, "fine@devon.example");

        var report = await rig.Delivery.DeliverDueAsync(Ct);

        report.Deferred.ShouldBe(1);
        report.Sent.ShouldBe(1);
        var deferred = await rig.ReloadAsync(busy.Id);
        deferred.Status.ShouldBe(OutboxStatus.Queued);
        deferred.LastError!.ShouldStartWith("450");
        (await rig.ReloadAsync(fine.Id)).Status.ShouldBe(OutboxStatus.Sent);

        smtp.Reply = _ => null;
        rig.Clock.Advance(rig.Options.RetryBaseDelay);
        (await rig.Delivery.DeliverDueAsync(Ct)).Sent.ShouldBe(1);
        smtp.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_crash_between_sending_and_marking_resends_only_that_one_message_and_skips_none()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var rig = await EmailRig.CreateAsync(smtp.Port);
        var evt = await rig.AddEventAsync();
        var queued = new List<OutboxMessage>();
        for (var i = 0; i < 4; i++)
        {
            queued.Add(await rig.EnqueueAsync(BookingTemplates.BookingCancelled, EmailRig.Booking(), evt.Id, $"p{i}@devon.example"));
        }

        rig.Delivery.AfterSendForTests = m => m.Id == queued[1].Id ? throw new SimulatedCrashException() : Task.CompletedTask;
        await Should.ThrowAsync<SimulatedCrashException>(() => rig.Delivery.DeliverDueAsync(Ct));
        rig.Delivery.AfterSendForTests = null;

        // The claim of the crashed worker holds until its lease lapses; then the unsent and the unmarked go out.
        (await rig.Delivery.DeliverDueAsync(Ct)).Claimed.ShouldBe(0);
        rig.Clock.Advance(rig.Options.ClaimLease);
        (await rig.Delivery.DeliverDueAsync(Ct)).Sent.ShouldBe(3);

        var counts = smtp.Received.GroupBy(m => m.MessageId ?? string.Empty).ToDictionary(g => g.Key, g => g.Count());
        counts.Count.ShouldBe(4);
        counts[queued[1].MessageId].ShouldBe(2, "the one in flight at the crash is sent again with the same Message-ID");
        counts.Where(kv => kv.Key != queued[1].MessageId).ShouldAllBe(kv => kv.Value == 1);
    }

    [Fact]
    public async Task A_worker_beaten_to_the_messages_it_read_claims_the_next_ones_instead_of_coming_back_empty()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null, o => o.BatchSize = 2);
        var evt = await rig.AddEventAsync();
        for (var i = 0; i < 4; i++)
        {
            await rig.EnqueueAsync(BookingTemplates.BookingConfirmed, EmailRig.Booking(), evt.Id, to: $"person{i}@devon.example");
        }

        // Another node: between this worker's read and its claim, the other node claims and sends the same two.
        var otherNode = new OutboxDelivery(rig.Database, rig.Templates, new EmailEventSource(), Microsoft.Extensions.Options.Options.Create(rig.Options), rig.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxDelivery>.Instance);
        var raced = false;
        rig.Delivery.BeforeClaimForTests = async () =>
        {
            if (!raced)
            {
                raced = true;
                (await otherNode.DeliverDueAsync(Ct)).Sent.ShouldBe(2);
            }
        };

        var report = await rig.Delivery.DeliverDueAsync(Ct);

        raced.ShouldBeTrue();
        report.Claimed.ShouldBe(2, "the two messages nobody had claimed were still due");
        report.Sent.ShouldBe(2);
        await using var db = rig.Database.CreateDbContext();
        (await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Sent, Ct)).ShouldBe(4);
    }

    [Fact]
    public async Task Without_an_smtp_host_each_message_is_written_as_an_eml_file_and_marked_sent()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync();
        var queued = await rig.EnqueueAsync(BookingTemplates.BookingConfirmed, EmailRig.Booking(), evt.Id);

        (await rig.Delivery.DeliverDueAsync(Ct)).Sent.ShouldBe(1);

        var path = rig.Delivery.PickupPath(queued);
        path.ShouldStartWith(rig.Options.PickupFolder);
        var written = await MimeMessage.LoadAsync(path, Ct);
        written.MessageId.ShouldBe(queued.MessageId);
        written.Attachments.ShouldContain(a => a.ContentType.MimeType == "text/calendar");
        (await rig.ReloadAsync(queued.Id)).Status.ShouldBe(OutboxStatus.Sent);

        var outgoing = new OutgoingMail(rig.Database, Microsoft.Extensions.Options.Options.Create(rig.Options), rig.Clock, new EventHub.Core.Events.Access.OutgoingMailAccess());
        var page = await outgoing.ListAsync(Actors.Admin, null, 0, 20, Ct);
        page.Items.ShouldHaveSingleItem().HasPickupFile.ShouldBeTrue();
        (await outgoing.ReadPickupAsync(Actors.Admin, queued.Id, Ct))!.ShouldContain("Subject: Your place at");
    }

    [Fact]
    public async Task A_message_with_an_unknown_template_is_marked_failed_with_the_reason()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var queued = await rig.EnqueueAsync("no.such.template", new { }, null);

        (await rig.Delivery.DeliverDueAsync(Ct)).Failed.ShouldBe(1);

        (await rig.ReloadAsync(queued.Id)).LastError.ShouldBe("No email template is called 'no.such.template'.");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class SimulatedCrashException : Exception;
}
