using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Invitations;
using EventHub.Core.Invitations.Emails;
using EventHub.Core.OpenSpace;
using EventHub.Core.MailingLists;
using EventHub.Core.Polls;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Polls;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static EventHub.Core.Polls.PollAnswer;

namespace EventHub.Core.Tests.Privacy;

/// <summary>
/// Mail delivered over SMTP leaves no working link behind: once sent, the raw tokens of its links are in no file of
/// the data folder (database bytes, after a checkpoint and VACUUM, and no .eml copy), yet the links in the inbox work.
/// </summary>
public sealed partial class DeliveredTokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Once_delivered_over_smtp_no_raw_token_of_a_manage_list_or_poll_link_is_stored_and_the_links_still_work()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var kit = await PrivacyKit.CreateAsync(smtpPort: smtp.Port);
        await QueueManageListAndPollMailAsync(kit, "Tamsin", "tamsin-tokens@devon.gov.uk", "tamsin-list@devon.gov.uk", "tamsin-poll@devon.gov.uk");

        await kit.DeliverMailAsync();

        var manage = TokenIn(smtp, "tamsin-tokens@devon.gov.uk", ManageLink());
        var listConfirm = TokenIn(smtp, "tamsin-list@devon.gov.uk", ListConfirmLink());
        var pollConfirm = TokenIn(smtp, "tamsin-poll@devon.gov.uk", PollConfirmLink());
        await using (var db = kit.Database.CreateDbContext())
        {
            (await db.Set<OutboxMessage>().CountAsync(m => m.Status != OutboxStatus.Sent, Ct)).ShouldBe(0);
            (await db.Set<OutboxMessage>().AnyAsync(m => m.PayloadJson.Contains(DeliveredLinks.Removed), Ct)).ShouldBeTrue();
            await kit.Database.Dialect.PurgeFreedSpaceAsync(db, Ct);
        }

        (await kit.FilesHoldingAsync(manage, listConfirm, pollConfirm)).ShouldBeEmpty();
        Directory.Exists(Path.Combine(kit.Database.Folder, "mail-pickup")).ShouldBeFalse("no .eml copy of mail sent over SMTP is kept");

        // The links in the inbox still work.
        (await kit.Get<SubjectAccessService>().GetOwnBookingAsync(manage, Ct)).ShouldNotBeNull();
        (await kit.Get<PollVotingService>().ConfirmVoteAsync(pollConfirm, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Get<MailingListService>().ConfirmAsync(listConfirm, Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task While_mail_waits_for_a_smtp_server_that_is_down_no_raw_token_of_any_link_is_stored_and_the_mail_later_carries_working_links()
    {
        await using var smtp = SmtpListener.Stopped();
        await using var kit = await PrivacyKit.CreateAsync(smtpPort: smtp.Port);
        await QueueManageListAndPollMailAsync(kit, "Quentin", "quentin-manage@devon.gov.uk", "quentin-list@devon.gov.uk", "quentin-poll@devon.gov.uk");
        (await kit.Get<InvitationService>().InviteAsync(Actors.Admin, new InvitationInput("Quentin Invited", "quentin-invite@devon.gov.uk", IsAdministrator: false), Ct))
            .Succeeded.ShouldBeTrue();
        await MailNotesLinkAsync(kit, "quentin-notes@devon.gov.uk");

        await kit.DeliverMailAsync();

        // Every message is still waiting (the server is down), and each holds its link's token only protected.
        var protection = kit.Get<OutboxPayloadProtection>();
        Dictionary<string, string> tokens;
        await using (var db = kit.Database.CreateDbContext())
        {
            var queued = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ToEmail.StartsWith("quentin-")).ToListAsync(Ct);
            queued.ShouldAllBe(m => m.Status == OutboxStatus.Queued && m.Attempts == 1);
            tokens = queued.Where(m => m.Template != BookingTemplates.BookingConfirmed || m.ToEmail == "quentin-manage@devon.gov.uk")
                .Select(m => (m.Template, Match: LinkToken().Match(protection.Reveal(m))))
                .Where(x => x.Match.Success)
                .GroupBy(x => x.Template).ToDictionary(g => g.Key, g => g.First().Match.Groups[1].Value);
            tokens.Keys.Order().ShouldBe(new[]
            {
                BookingTemplates.BookingConfirmed, InvitationEmail.TemplateName, MailingListTemplates.Confirm,
                OpenSpaceEmailTemplates.NotesLink, PollTemplates.ConfirmVote,
            }.Order(), "a manage, an invitation, a list, a notes and a poll link wait to be sent");
            queued.ShouldAllBe(m => m.PayloadJson.Contains(OutboxPayloadProtection.Marker));
            foreach (var token in tokens.Values)
            {
                (await db.Set<OutboxMessage>().AnyAsync(m => m.PayloadJson.Contains(token), Ct)).ShouldBeFalse("no stored payload holds " + token);
            }

            await kit.Database.Dialect.PurgeFreedSpaceAsync(db, Ct);
        }

        (await kit.FilesHoldingAsync([.. tokens.Values])).ShouldBeEmpty();

        // Once the server is back, delivery reveals the tokens and the mail carries the same working links.
        await smtp.StartAgainAsync();
        kit.Services.Clock.Advance(TimeSpan.FromHours(1));
        await kit.DeliverMailAsync();
        await using (var db = kit.Database.CreateDbContext())
        {
            (await db.Set<OutboxMessage>().CountAsync(m => m.ToEmail.StartsWith("quentin-") && m.Status != OutboxStatus.Sent, Ct)).ShouldBe(0);
            (await db.Set<EventHub.Core.Proceedings.NotesLink>().AnyAsync(l => l.TokenHash == EventHub.Core.Common.SecureTokens.Hash(tokens[OpenSpaceEmailTemplates.NotesLink]), Ct)).ShouldBeTrue();
        }

        TokenIn(smtp, "quentin-manage@devon.gov.uk", ManageLink()).ShouldBe(tokens[BookingTemplates.BookingConfirmed]);
        TokenIn(smtp, "quentin-invite@devon.gov.uk", InvitationLink()).ShouldBe(tokens[InvitationEmail.TemplateName]);
        TokenIn(smtp, "quentin-notes@devon.gov.uk", NotesPath()).ShouldBe(tokens[OpenSpaceEmailTemplates.NotesLink]);
        (await kit.Get<SubjectAccessService>().GetOwnBookingAsync(tokens[BookingTemplates.BookingConfirmed], Ct)).ShouldNotBeNull();
        (await kit.Get<PollVotingService>().ConfirmVoteAsync(tokens[PollTemplates.ConfirmVote], Ct)).Succeeded.ShouldBeTrue();
        (await kit.Get<MailingListService>().ConfirmAsync(tokens[MailingListTemplates.Confirm], Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task A_protected_payload_keeps_its_shape_and_what_is_not_a_token()
    {
        await using var kit = await PrivacyKit.CreateAsync();
        var protection = kit.Get<OutboxPayloadProtection>();
        const string payload = "{\"PollId\":7,\"VoterName\":\"Ann\",\"Slug\":\"winter-forum-2026-devon-county\",\"ConfirmPath\":\"/polls/confirm/Ab3dEf6hIj9kLm2nOp5qRs8tUv1\"}";

        var stored = protection.Protect("poll.confirm-vote", payload);

        stored.ShouldStartWith("{\"PollId\":7,\"VoterName\":\"Ann\",\"Slug\":\"winter-forum-2026-devon-county\",\"ConfirmPath\":\"" + OutboxPayloadProtection.Marker);
        stored.ShouldNotContain("Ab3dEf6hIj9kLm2nOp5qRs8tUv1");
        protection.Reveal("poll.confirm-vote", stored).ShouldBe(payload);
        protection.Protect("poll.confirm-vote", stored).ShouldBe(stored, "a protected value is not protected twice");
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => protection.Reveal("booking.confirmed", stored), "each template has a purpose of its own");
    }

    [Fact]
    public async Task Protecting_queued_payloads_adds_no_change_detection_to_a_save_and_still_protects_what_it_queues()
    {
        await using var kit = await PrivacyKit.CreateAsync();
        // A context with this interceptor alone, so the count is the save's and the protection's, nobody else's.
        var options = new DbContextOptionsBuilder<EventHubDbContext>();
        kit.Database.Dialect.Configure(options, kit.Database.ConnectionString);
        options.AddInterceptors(kit.Get<OutboxPayloadProtection>());
        await using var db = new EventHubDbContext(options.Options);
        var ev = await db.Events.SingleAsync(e => e.Id == kit.EventId, Ct);
        var detections = 0;
        db.ChangeTracker.DetectingAllChanges += (_, _) => detections++;
        var token = SecureTokens.New();

        ev.Title += " (moved)";
        var message = Outbox.Enqueue(db, BookingTemplates.BookingChanged, "ann@devon.gov.uk", "Ann", new { ManageToken = token }, kit.Services.Clock.GetUtcNow().UtcDateTime, ev.Id);
        await db.SaveChangesAsync(Ct);

        // The save's own pass over the tracked entities and no second one for the outbox: the protection runs on every save.
        detections.ShouldBe(1);
        message.PayloadJson.ShouldNotContain(token);
        kit.Get<OutboxPayloadProtection>().Reveal(message).ShouldContain(token);
        (await db.Events.AsNoTracking().SingleAsync(e => e.Id == kit.EventId, Ct)).Title.ShouldEndWith(" (moved)");
    }

    [Fact]
    public void Stripping_a_delivered_payload_removes_the_tokens_of_the_sites_links_only()
    {
        var mime = new MimeKit.MimeMessage { Body = new MimeKit.TextPart("plain") { Text = "Manage: https://events.devon.example/manage/Ab3dEf6hIj9kLm2nOp5qRs8tUv1 and https://elsewhere.example/x/Zz3dEf6hIj9kLm2nOp5qRs8tUv1" } };
        const string payload = "{\"EventId\":12,\"ManageToken\":\"Ab3dEf6hIj9kLm2nOp5qRs8tUv1\",\"Other\":\"Zz3dEf6hIj9kLm2nOp5qRs8tUv1\"}";

        DeliveredLinks.Strip(payload, mime, "https://events.devon.example/")
            .ShouldBe("{\"EventId\":12,\"ManageToken\":\"" + DeliveredLinks.Removed + "\",\"Other\":\"Zz3dEf6hIj9kLm2nOp5qRs8tUv1\"}");
    }

    private static string TokenIn(SmtpListener smtp, string to, Regex link)
    {
        var mail = smtp.Received.Single(m => m.To.Mailboxes.Any(b => b.Address == to) && link.IsMatch(m.TextBody ?? string.Empty));
        return link.Match(mail.TextBody!).Groups[1].Value;
    }

    /// <summary>Mail with a manage link (a booking), a list confirm link (a sign-up) and a poll confirm link (a vote), each to its own address.</summary>
    private static async Task QueueManageListAndPollMailAsync(PrivacyKit kit, string name, string bookingEmail, string listEmail, string pollEmail)
    {
        var booking = await kit.Get<BookingService>().BookAsync(new BookingRequest(kit.EventId, new BookingForm
        {
            Name = name + " Tokenless", Email = bookingEmail, Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct);
        booking.Succeeded.ShouldBeTrue(booking.Message);
        (await kit.Get<MailingListService>().SignUpAsync(await SeriesWithListAsync(kit),
            new ListSignUpInput { Name = name, Email = listEmail, Consent = true }, Ct)).Succeeded.ShouldBeTrue();
        var setup = kit.Get<PollSetupService>();
        var poll = (await setup.CreateAsync(Actors.Admin, PollTestKit.ThreeEvenings(), Ct)).Value!;
        (await setup.SetConfirmVotesByEmailAsync(Actors.Admin, poll.Id, true, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Get<PollVotingService>().VoteAsync(poll.PublicToken, PollTestKit.Ballot(poll, name, pollEmail, Yes, No, No), Ct)).Succeeded.ShouldBeTrue();
    }

    private static async Task<string> SeriesWithListAsync(PrivacyKit kit)
    {
        await using var db = kit.Database.CreateDbContext();
        var series = new EventSeries { Name = "Token-free series", Slug = "token-free-" + Guid.NewGuid().ToString("N")[..6], CreatedUtc = kit.Services.Clock.GetUtcNow().UtcDateTime };
        db.Add(series);
        await db.SaveChangesAsync(Ct);
        return series.Slug;
    }

    /// <summary>A placed session whose convener gave an address, mailed its notes link (queued in the caller's unit of work, then saved).</summary>
    private static async Task MailNotesLinkAsync(PrivacyKit kit, string email)
    {
        // The app's own factory, so the outbox row is written as the app writes it.
        await using var db = await kit.Get<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        var session = await db.Sessions.SingleAsync(s => s.Id == kit.SessionId, Ct);
        db.Add(new Proposal
        {
            EventId = kit.EventId, Title = session.Title, ConvenerName = "Quentin Convener", ConvenerEmail = email,
            Status = ProposalStatus.Placed, SessionId = session.Id, CreatedUtc = kit.Services.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(Ct);
        (await kit.Get<ISessionConveners>().MailNotesLinkAsync(db, session, Ct)).ShouldBeTrue();
        await db.SaveChangesAsync(Ct);
    }

    // The token of a link in a payload: a manage, list, invitation or notes token field, or the last segment of a path.
    [GeneratedRegex("\"(?:ManageToken|ConfirmToken|Token|NotesToken|ConfirmPath)\":\"(?:[^\"]*/)?([A-Za-z0-9_-]{22,})\"")]
    private static partial Regex LinkToken();

    [GeneratedRegex(@"/invitations?/[^\s]*?([A-Za-z0-9_-]{22,})")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"/notes/[^\s]*?([A-Za-z0-9_-]{22,})")]
    private static partial Regex NotesPath();

    [GeneratedRegex(@"/manage/([A-Za-z0-9_-]{22,})")]
    private static partial Regex ManageLink();

    [GeneratedRegex(@"/lists/confirm/([A-Za-z0-9_-]{22,})")]
    private static partial Regex ListConfirmLink();

    [GeneratedRegex(@"/polls/confirm/([A-Za-z0-9_-]{22,})")]
    private static partial Regex PollConfirmLink();
}
