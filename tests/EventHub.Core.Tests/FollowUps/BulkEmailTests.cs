using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.FollowUps;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.FollowUps;

public sealed class BulkEmailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BulkEmailInput Input(BulkAudience audience = BulkAudience.Confirmed, string body = "Bring a **laptop**.") =>
        new() { Audience = audience, Subject = "What to bring", Body = body };

    /// <summary>Ann and Bob confirmed, Cat cancelled, Dan offered, Eve waiting (capacity 3).</summary>
    private static async Task<BookingKit> KitAsync()
    {
        var kit = await BookingKit.CreateAsync(capacity: 3);
        await kit.BookAsync("Ann Example");
        await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");
        await kit.BookAsync("Dan Example");
        await kit.BookAsync("Eve Example");
        await kit.Bookings.CancelAsync(cat.ManageToken);
        return kit;
    }

    [Fact]
    public async Task Confirmed_attendees_get_it_and_nobody_cancelled_or_waiting_does()
    {
        await using var kit = await KitAsync();

        var outcome = await new BulkEmailService(kit.Database, kit.Clock, kit.Database.Leases(kit.Clock)).SendAsync(Actors.Organiser, kit.EventId, Input(), null, Ct);

        outcome.Succeeded.ShouldBeTrue();
        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Select(m => m.ToEmail).Order()
            .ShouldBe(["ann.example@devon.gov.uk", "bob.example@devon.gov.uk"]);
    }

    [Fact]
    public async Task Everyone_waiting_includes_people_holding_an_offer()
    {
        await using var kit = await KitAsync();
        (await kit.AllBookingsAsync()).Single(b => b.Name == "Dan Example").Status.ShouldBe(BookingStatus.Offered);

        await new BulkEmailService(kit.Database, kit.Clock, kit.Database.Leases(kit.Clock)).SendAsync(Actors.Organiser, kit.EventId, Input(BulkAudience.Waiting), null, Ct);

        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Select(m => m.ToEmail).Order()
            .ShouldBe(["dan.example@devon.gov.uk", "eve.example@devon.gov.uk"]);
    }

    [Fact]
    public async Task Only_an_organiser_can_send_and_an_empty_message_is_refused()
    {
        await using var kit = await KitAsync();
        var service = new BulkEmailService(kit.Database, kit.Clock, kit.Database.Leases(kit.Clock));

        (await service.SendAsync(EventHub.Core.Common.Actor.Anonymous, kit.EventId, Input(), null, Ct)).ErrorCode.ShouldBe(EventHub.Core.Common.ErrorCodes.Forbidden);
        var empty = await service.SendAsync(Actors.Organiser, kit.EventId, new BulkEmailInput { Subject = " ", Body = "" }, null, Ct);
        empty.ErrorFor(nameof(BulkEmailInput.Subject)).ShouldNotBeNull();
        empty.ErrorFor(nameof(BulkEmailInput.Body)).ShouldNotBeNull();
        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Copies_are_queued_in_batches_of_200_with_progress_after_each()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 500);
        for (var i = 0; i < 450; i++)
        {
            await kit.BookAsync($"Person {i}", $"person{i}@devon.gov.uk");
        }

        var reports = new List<BulkEmailProgress>();
        var outcome = await new BulkEmailService(kit.Database, kit.Clock, kit.Database.Leases(kit.Clock)).SendAsync(Actors.Organiser, kit.EventId, Input(), new SyncProgress(reports.Add), Ct);

        outcome.Succeeded.ShouldBeTrue();
        reports.Select(r => r.Queued).ShouldBe([0, 200, 400, 450]);
        reports.ShouldAllBe(r => r.Total == 450);
        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Select(m => m.ToEmail).Distinct().Count().ShouldBe(450);
    }

    [Fact]
    public async Task A_send_cut_off_after_its_first_batch_is_finished_at_the_next_start_with_no_copy_twice_and_nobody_skipped()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 500);
        for (var i = 0; i < 450; i++)
        {
            await kit.BookAsync($"Person {i}", $"person{i}@devon.gov.uk");
        }

        var service = new BulkEmailService(kit.Database, kit.Clock, kit.Database.Leases(kit.Clock));
        // The app dies once the first batch of 200 is committed.
        var crash = new SyncProgress(p =>
        {
            if (p.Queued == 200)
            {
                throw new InvalidOperationException("power cut");
            }
        });
        await Should.ThrowAsync<InvalidOperationException>(() => service.SendAsync(Actors.Organiser, kit.EventId, Input(), crash, Ct));
        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Count.ShouldBe(200);

        // A send younger than a lease may belong to a page that has not taken its lease yet: it is left alone.
        (await service.ResumeUnfinishedAsync(Ct)).ShouldBe(0);
        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Count.ShouldBe(200);

        kit.Clock.Advance(JobLeases.DefaultDuration);
        (await service.ResumeUnfinishedAsync(Ct)).ShouldBe(1);

        var copies = await kit.OutboxAsync(FollowUpTemplates.BulkMessage);
        copies.Count.ShouldBe(450);
        copies.Select(m => m.ToEmail).Distinct().Count().ShouldBe(450);
        var sent = (await service.SentAsync(Actors.Organiser, kit.EventId, Ct)).Single();
        sent.Queued.ShouldBe(450);
        sent.FinishedUtc.ShouldNotBeNull();
        (await service.ResumeUnfinishedAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task The_markdown_arrives_as_safe_html_and_plain_text_with_the_organisers_reply_to()
    {
        await using var kit = await KitAsync();
        await using var smtp = await SmtpListener.StartAsync();
        await using (var db = kit.Database.CreateDbContext())
        {
            var olive = await db.Users.SingleAsync(u => u.Id == Actors.Organiser.UserId, Ct);
            olive.Email = "olive@devon.gov.uk";
            await db.SaveChangesAsync(Ct);
        }

        var body = "Bring a **laptop**.\n\n<script>alert('x')</script>\n\n[Click](javascript:alert(1)) or [the venue](https://example.org/venue)";
        (await new BulkEmailService(kit.Database, kit.Clock, kit.Database.Leases(kit.Clock)).SendAsync(Actors.Organiser, kit.EventId, Input(body: body), null, Ct)).Succeeded.ShouldBeTrue();
        await EmailRig.DeliveryTo(smtp, kit.Database, kit.Clock, replyTo: "events@devon.gov.uk").DeliverDueAsync(Ct);

        var mail = smtp.Received.Single(m => m.To.Mailboxes.Single().Address == "ann.example@devon.gov.uk" && m.Subject == "What to bring");
        mail.ReplyTo.Mailboxes.Single().Address.ShouldBe("olive@devon.gov.uk");
        var html = mail.HtmlBody!;
        html.ShouldContain("<strong>laptop</strong>");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldContain("https://example.org/venue");
        var text = mail.TextBody!;
        text.ShouldContain("Bring a laptop.");
        text.ShouldNotContain("**");
    }

    private sealed class SyncProgress(Action<BulkEmailProgress> report) : IProgress<BulkEmailProgress>
    {
        public void Report(BulkEmailProgress value) => report(value);
    }
}
