using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
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
        var booking = await kit.Get<BookingService>().BookAsync(new BookingRequest(kit.EventId, new BookingForm
        {
            Name = "Tamsin Tokenless", Email = "tamsin-tokens@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct);
        booking.Succeeded.ShouldBeTrue(booking.Message);
        var seriesSlug = await SeriesWithListAsync(kit);
        (await kit.Get<MailingListService>().SignUpAsync(seriesSlug,
            new ListSignUpInput { Name = "Tamsin", Email = "tamsin-list@devon.gov.uk", Consent = true }, Ct)).Succeeded.ShouldBeTrue();
        var setup = kit.Get<PollSetupService>();
        var poll = (await setup.CreateAsync(Actors.Admin, PollTestKit.ThreeEvenings(), Ct)).Value!;
        (await setup.SetConfirmVotesByEmailAsync(Actors.Admin, poll.Id, true, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Get<PollVotingService>().VoteAsync(poll.PublicToken,
            PollTestKit.Ballot(poll, "Tamsin", "tamsin-poll@devon.gov.uk", Yes, No, No), Ct)).Succeeded.ShouldBeTrue();

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

    private static async Task<string> SeriesWithListAsync(PrivacyKit kit)
    {
        await using var db = kit.Database.CreateDbContext();
        var series = new EventSeries { Name = "Token-free series", Slug = "token-free-" + Guid.NewGuid().ToString("N")[..6], CreatedUtc = kit.Services.Clock.GetUtcNow().UtcDateTime };
        db.Add(series);
        await db.SaveChangesAsync(Ct);
        return series.Slug;
    }

    [GeneratedRegex(@"/manage/([A-Za-z0-9_-]{22,})")]
    private static partial Regex ManageLink();

    [GeneratedRegex(@"/lists/confirm/([A-Za-z0-9_-]{22,})")]
    private static partial Regex ListConfirmLink();

    [GeneratedRegex(@"/polls/confirm/([A-Za-z0-9_-]{22,})")]
    private static partial Regex PollConfirmLink();
}
