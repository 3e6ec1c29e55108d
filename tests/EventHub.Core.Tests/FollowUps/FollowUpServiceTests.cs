using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Events;
using EventHub.Core.Feedback;
using EventHub.Core.FollowUps;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.FollowUps;

/// <summary>"Send the follow-up": to those checked in or everyone confirmed, with the proceedings and each person's feedback link, once.</summary>
public sealed class FollowUpServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Ann (checked in) and Bob confirmed; Cat cancelled; the proceedings published unless told otherwise.</summary>
    private static async Task<(BookingKit Kit, FollowUpService FollowUps, string AnnToken)> KitAsync(bool proceedingsPublished = true)
    {
        var kit = await BookingKit.CreateAsync(capacity: 5);
        var ann = await kit.BookAsync("Ann Example");
        await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");
        await kit.Bookings.CancelAsync(cat.ManageToken);
        await using (var db = kit.Database.CreateDbContext())
        {
            var annId = await db.Set<Booking>().WithManageToken(db, ann.ManageToken).Select(b => b.Id).SingleAsync(Ct);
            db.Add(new CheckInRecord { BookingId = annId, EventId = kit.EventId, CheckedInUtc = kit.Clock.GetUtcNow().UtcDateTime, CheckedInBy = "Main door" });
            if (proceedingsPublished)
            {
                db.Add(new ProceedingsSettings { EventId = kit.EventId, IsPublished = true, PublishedUtc = kit.Clock.GetUtcNow().UtcDateTime });
            }

            await db.SaveChangesAsync(Ct);
        }

        var bulk = new BulkEmailService(kit.Database, kit.Clock, kit.Database.Leases(kit.Clock));
        return (kit, new FollowUpService(kit.Database, kit.Clock, bulk), ann.ManageToken);
    }

    [Fact]
    public async Task The_follow_up_is_refused_until_the_proceedings_it_links_to_are_published()
    {
        var (kit, followUps, _) = await KitAsync(proceedingsPublished: false);
        await using var _ = kit;

        var refused = await followUps.SendAsync(Actors.Organiser, kit.EventId, BulkAudience.Confirmed, null, Ct);

        refused.ErrorCode.ShouldBe(FollowUpErrors.ProceedingsNotPublished.Code);
        refused.Message.ShouldBe(FollowUpErrors.ProceedingsNotPublished.Message);
        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).ShouldBeEmpty();
        (await followUps.GetAsync(Actors.Organiser, kit.EventId, Ct)).Value!.Sent.ShouldBeNull("a refused follow-up can still be sent later");
        await using (var db = kit.Database.CreateDbContext())
        {
            db.Add(new ProceedingsSettings { EventId = kit.EventId, IsPublished = true });
            await db.SaveChangesAsync(Ct);
        }

        (await followUps.SendAsync(Actors.Organiser, kit.EventId, BulkAudience.Confirmed, null, Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task The_follow_up_goes_to_those_checked_in_with_the_proceedings_and_their_own_feedback_link_and_only_once()
    {
        var (kit, followUps, annToken) = await KitAsync();
        await using var _ = kit;
        await using var smtp = await SmtpListener.StartAsync();

        var view = (await followUps.GetAsync(Actors.Organiser, kit.EventId, Ct)).Value!;
        (view.Confirmed, view.CheckedIn, view.Sent).ShouldBe((2, 1, null));
        view.Text.ShouldContain("Give your feedback");
        var progress = new List<BulkEmailProgress>();
        var sent = await followUps.SendAsync(Actors.Organiser, kit.EventId, BulkAudience.CheckedIn, new SyncProgress(progress.Add), Ct);

        sent.Succeeded.ShouldBeTrue(sent.Message);
        progress[^1].ShouldBe(new BulkEmailProgress(1, 1));
        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Select(m => m.ToEmail).ShouldBe(["ann.example@devon.gov.uk"]);

        var again = await followUps.SendAsync(Actors.Organiser, kit.EventId, BulkAudience.Confirmed, null, Ct);
        again.ErrorCode.ShouldBe(FollowUpErrors.FollowUpSent.Code);
        again.IsConflict.ShouldBeTrue();
        again.Message!.ShouldStartWith("The follow-up for this event was sent on ");
        again.Message.ShouldContain("to 1 person. It goes once");
        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Count.ShouldBe(1);
        (await followUps.GetAsync(Actors.Organiser, kit.EventId, Ct)).Value!.Sent!.Audience.ShouldBe(BulkAudience.CheckedIn);

        await DeliverAsync(kit, smtp);
        var mail = smtp.Received.Where(m => (m.Subject ?? string.Empty).StartsWith("Thank you for coming", StringComparison.Ordinal)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Thank you for coming to Digital Forum forum");
        var slug = (await kit.EventAsync()).Slug;
        mail.TextBody!.ShouldContain("https://events.devon.example" + EventRoutes.Proceedings(slug));
        // Each mail carries a manage link of its own (stored as a hash): the feedback link in it leads to Ann's booking.
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody!, @"https://events\.devon\.example/manage/([A-Za-z0-9_-]+)/feedback");
        link.Success.ShouldBeTrue(mail.TextBody);
        var token = link.Groups[1].Value;
        mail.HtmlBody!.ShouldContain($"href=\"https://events.devon.example{FeedbackRoutes.Form(token)}\"");
        await using (var db = kit.Database.CreateDbContext())
        {
            var leadsTo = await db.Set<Booking>().WithManageToken(db, token).Select(b => b.Id).SingleAsync(Ct);
            leadsTo.ShouldBe(await db.Set<Booking>().WithManageToken(db, annToken).Select(b => b.Id).SingleAsync(Ct));
        }

        mail.TextBody!.ShouldContain("sent this to everyone who came");
    }

    [Fact]
    public async Task On_a_hybrid_event_those_who_came_include_every_confirmed_online_place_which_the_door_never_sees()
    {
        var (kit, followUps, _) = await KitAsync();
        await using var _kit = kit;
        var online = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Join online", "", 5, false, Attendance.Online, Ct)).Value!;
        await kit.BookAsync("Olu Online", ticket: online.Id);
        var gone = await kit.BookAsync("Pat Online", ticket: online.Id);
        await kit.Bookings.CancelAsync(gone.ManageToken);

        var view = (await followUps.GetAsync(Actors.Organiser, kit.EventId, Ct)).Value!;
        (view.Confirmed, view.CheckedIn, view.Online).ShouldBe((3, 2, 1));
        (await followUps.SendAsync(Actors.Organiser, kit.EventId, BulkAudience.CheckedIn, null, Ct)).Succeeded.ShouldBeTrue();

        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Select(m => m.ToEmail).Order().ShouldBe(["ann.example@devon.gov.uk", "olu.online@devon.gov.uk"]);
    }

    [Fact]
    public async Task Everyone_confirmed_can_be_chosen_instead_and_the_waiting_list_cannot()
    {
        var (kit, followUps, _) = await KitAsync();
        await using var _kit = kit;

        (await followUps.SendAsync(Actors.Organiser, kit.EventId, BulkAudience.Waiting, null, Ct)).ErrorCode.ShouldBe(FollowUpErrors.FollowUpAudience.Code);
        (await followUps.SendAsync(Actors.Organiser, kit.EventId, BulkAudience.Confirmed, null, Ct)).Succeeded.ShouldBeTrue();

        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Select(m => m.ToEmail).Order().ShouldBe(["ann.example@devon.gov.uk", "bob.example@devon.gov.uk"]);
    }

    [Fact]
    public async Task Two_organisers_sending_at_once_send_it_once()
    {
        var (kit, followUps, _) = await KitAsync();
        await using var _kit = kit;

        var both = await Task.WhenAll(
            followUps.SendAsync(Actors.Organiser, kit.EventId, BulkAudience.Confirmed, null, Ct),
            followUps.SendAsync(Actors.Organiser, kit.EventId, BulkAudience.Confirmed, null, Ct));

        both.Count(o => o.Succeeded).ShouldBe(1);
        both.Single(o => !o.Succeeded).ErrorCode.ShouldBe(FollowUpErrors.FollowUpSent.Code);
        (await kit.OutboxAsync(FollowUpTemplates.BulkMessage)).Count.ShouldBe(2);
    }

    private static async Task DeliverAsync(BookingKit kit, SmtpListener smtp) =>
        await EmailRig.DeliveryTo(smtp, kit.Database, kit.Clock, "https://events.devon.example").DeliverDueAsync(Ct);

    private sealed class SyncProgress(Action<BulkEmailProgress> report) : IProgress<BulkEmailProgress>
    {
        public void Report(BulkEmailProgress value) => report(value);
    }
}
