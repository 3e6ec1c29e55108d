using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.MailingLists;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.MailingLists;

/// <summary>
/// Announcing an edition with a priority window: subscribers and the previous edition's waiters each get a personal
/// link (checked in the mail a real SMTP listener received), and BookingService honours exactly those links.
/// </summary>
public sealed class ListPriorityTests
{
    private static readonly DateTime GeneralOpensUtc = new(2026, 11, 9, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Subscribers_and_people_left_waiting_last_time_get_personal_links_that_book_before_general_opening()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var rig = await EmailRig.CreateAsync(smtp.Port);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var (series, edition) = await MailingListTests.AddSeriesEditionAsync(rig);
        await OpensAsync(rig, edition.Id, GeneralOpensUtc);
        var previous = await AddPreviousEditionAsync(rig, series.Id, waiting: ["wendy@devon.example", "sue@devon.example", "una@devon.example"]);
        await SubscribeAsync(lists, rig, series.Slug, "sue@devon.example");
        await SubscribeAsync(lists, rig, series.Slug, "una@devon.example");
        (await lists.UnsubscribeAsync(await UnsubscribeLinkAsync(rig, "una@devon.example"), Ct)).Succeeded.ShouldBeTrue();
        (await lists.SignUpAsync(series.Slug, new ListSignUpInput { Name = "Pete", Email = "pete@devon.example", Consent = true }, Ct)).Succeeded.ShouldBeTrue();
        await rig.DeliverAllDueAsync();
        smtp.Received.Clear();

        var preview = (await lists.PreviewAnnouncementAsync(Actors.Organiser, edition.Id, Ct))!;
        preview.CanGivePriority.ShouldBeTrue();
        preview.PreviousWaiters.ShouldBe(1, "Sue is on the list and Una left it: only Wendy needs an invite");
        preview.PreviousEditionTitle.ShouldBe(previous.Title);

        var announced = await lists.AnnounceAsync(Actors.Organiser, edition.Id, givePriority: true, Ct);

        announced.Value.ShouldBe(new ListAnnounceResult(Subscribers: 1, PreviousWaiters: 1, WithPriority: true));
        await rig.DeliverAllDueAsync();
        smtp.Received.Count.ShouldBe(2);
        var sueMail = smtp.Received.Single(m => m.To.Mailboxes.Single().Address == "sue@devon.example");
        sueMail.Subject.ShouldBe($"Book early: {edition.Title}");
        sueMail.TextBody!.ShouldContain("before booking opens to everyone on Monday 9 November 2026, 9am GMT");
        var wendyMail = smtp.Received.Single(m => m.To.Mailboxes.Single().Address == "wendy@devon.example");
        wendyMail.TextBody!.ShouldContain($"You were on the waiting list for {previous.Title}");
        var sueToken = PriorityToken(sueMail.TextBody!, edition.Slug);
        var wendyToken = PriorityToken(wendyMail.TextBody!, edition.Slug);
        sueMail.HtmlBody!.ShouldContain($"href=\"https://events.devon.example/events/{edition.Slug}/book?priority={sueToken}\"");

        await using (var db = rig.Database.CreateDbContext())
        {
            var grants = await db.Set<PriorityGrant>().OrderBy(g => g.Id).ToListAsync(Ct);
            grants.Select(g => (g.Email, g.Reason)).ShouldBe([("sue@devon.example", PriorityGrantReason.Subscriber), ("wendy@devon.example", PriorityGrantReason.PreviousWaiter)]);
            grants[0].TokenHash.ShouldBe(PriorityGrant.HashOf(sueToken));
            grants.ShouldAllBe(g => g.TokenHash != sueToken && g.TokenHash != wendyToken, "only a hash of the token is kept");
        }

        var bookings = new BookingService(rig.Database, rig.Clock, new BookingWriteGate(), new PriorityAccess([new ListPriority(rig.Database, rig.Clock)]));
        (await BookAsync(bookings, edition.Id, "Sue", sueToken)).Value!.Status.ShouldBe(BookingStatus.Confirmed);
        (await BookAsync(bookings, edition.Id, "Wendy", wendyToken)).Value!.Status.ShouldBe(BookingStatus.Confirmed);
        var pete = await BookAsync(bookings, edition.Id, "Pete", null);
        pete.ErrorCode.ShouldBe(BookingErrors.NotOpenYet.Code);
        pete.Errors.Single().Message.ShouldBe("Booking opens Monday 9 November 2026, 9am GMT.");
        (await BookAsync(bookings, edition.Id, "Pete", EventHub.Core.Common.SecureTokens.New())).ErrorCode.ShouldBe(BookingErrors.PriorityLinkNotValid.Code);
    }

    [Fact]
    public async Task A_list_link_is_good_only_for_its_own_edition_and_only_while_that_edition_is_published()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var access = new ListPriority(rig.Database, rig.Clock);
        var (series, edition) = await MailingListTests.AddSeriesEditionAsync(rig);
        var sibling = await rig.AddEventAsync("Social Media Forum: spring");
        await OpensAsync(rig, edition.Id, GeneralOpensUtc);
        await OpensAsync(rig, sibling.Id, GeneralOpensUtc);
        await SubscribeAsync(lists, rig, series.Slug, "sue@devon.example");
        (await lists.AnnounceAsync(Actors.Organiser, edition.Id, givePriority: true, Ct)).Succeeded.ShouldBeTrue();
        var token = await QueuedTokenAsync(rig);

        (await access.HolderAsync(edition.Id, token, Ct)).ShouldBe("sue@devon.example", "the link works for the address it was sent to");
        (await access.HolderAsync(sibling.Id, token, Ct)).ShouldBeNull("another edition's link");
        (await access.HolderAsync(edition.Id, EventHub.Core.Common.SecureTokens.New(), Ct)).ShouldBeNull("an unknown link");
        (await access.HolderAsync(edition.Id, PriorityGrant.HashOf(token), Ct)).ShouldBeNull("the stored hash is not a link");

        await using (var db = rig.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == edition.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Cancelled), Ct);
        }

        (await access.HolderAsync(edition.Id, token, Ct)).ShouldBeNull("cancelling the edition withdraws its links");
    }

    [Fact]
    public async Task Announcing_with_priority_is_refused_when_booking_is_already_open_to_everyone_and_nothing_is_sent()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var (series, edition) = await MailingListTests.AddSeriesEditionAsync(rig);
        await SubscribeAsync(lists, rig, series.Slug, "sue@devon.example");
        (await lists.PreviewAnnouncementAsync(Actors.Organiser, edition.Id, Ct))!.CanGivePriority.ShouldBeFalse();

        var outcome = await lists.AnnounceAsync(Actors.Organiser, edition.Id, givePriority: true, Ct);

        outcome.ErrorCode.ShouldBe(MailingListErrors.PriorityPointless.Code);
        outcome.Errors.Single().Message.ShouldBe(MailingListErrors.PriorityPointless.Message);
        await using var db = rig.Database.CreateDbContext();
        (await db.Set<OutboxMessage>().CountAsync(m => m.Template == MailingListTemplates.Announce, Ct)).ShouldBe(0);
        (await db.Set<ListAnnouncement>().CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Announcing_without_priority_hands_out_no_links()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var rig = await EmailRig.CreateAsync(smtp.Port);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var (series, edition) = await MailingListTests.AddSeriesEditionAsync(rig);
        await OpensAsync(rig, edition.Id, GeneralOpensUtc);
        await AddPreviousEditionAsync(rig, series.Id, waiting: ["wendy@devon.example"]);
        await SubscribeAsync(lists, rig, series.Slug, "sue@devon.example");
        await rig.DeliverAllDueAsync();
        smtp.Received.Clear();

        (await lists.AnnounceAsync(Actors.Organiser, edition.Id, givePriority: false, Ct)).Value.ShouldBe(new ListAnnounceResult(1, 0, false));
        await rig.DeliverAllDueAsync();

        var mail = smtp.Received.ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"Booking is open: {edition.Title}");
        mail.TextBody!.ShouldNotContain("priority=");
        await using var db = rig.Database.CreateDbContext();
        (await db.Set<PriorityGrant>().CountAsync(Ct)).ShouldBe(0);
    }

    private static string PriorityToken(string text, string slug)
    {
        var match = Regex.Match(text, $@"https://events\.devon\.example/events/{Regex.Escape(slug)}/book\?priority=([A-Za-z0-9_-]+)");
        match.Success.ShouldBeTrue("the email carries a link to the event's book page with a priority token");
        match.Groups[1].Value.Length.ShouldBeGreaterThanOrEqualTo(22, "at least 128 bits");
        return match.Groups[1].Value;
    }

    private static async Task<string> QueuedTokenAsync(EmailRig rig)
    {
        await using var db = rig.Database.CreateDbContext();
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Template == MailingListTemplates.Announce, Ct);
        return System.Text.Json.JsonSerializer.Deserialize<ListAnnouncePayload>(message.PayloadJson)!.PriorityToken.ShouldNotBeNull();
    }

    private static Task<BookingOutcome> BookAsync(BookingService bookings, int eventId, string name, string? token) =>
        bookings.BookAsync(new BookingRequest(eventId, new BookingForm
        {
            Name = name,
            Email = name.ToLowerInvariant() + "@devon.example",
            Organisation = "Devon County Council",
            PrivacyConsent = true,
            PriorityToken = token,
        }), Ct);

    private static async Task OpensAsync(EmailRig rig, int eventId, DateTime opensUtc)
    {
        await using var db = rig.Database.CreateDbContext();
        await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.BookingOpensUtc, opensUtc), Ct);
    }

    /// <summary>Last edition (October, completed): Pat had a place; the others were still waiting when it ended.</summary>
    private static async Task<Event> AddPreviousEditionAsync(EmailRig rig, int seriesId, string[] waiting)
    {
        await using var db = rig.Database.CreateDbContext();
        var previous = new Event
        {
            Title = "Social Media Forum: autumn",
            Slug = "social-media-forum-autumn-" + Guid.NewGuid().ToString("N")[..6],
            SeriesId = seriesId,
            VenueName = "County Hall",
            StartUtc = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc),
            EndUtc = new DateTime(2026, 10, 1, 16, 0, 0, DateTimeKind.Utc),
            Capacity = 1,
            PlacesTaken = 1,
            Status = EventStatus.Completed,
            CreatedUtc = rig.Now,
            UpdatedUtc = rig.Now,
        };
        db.Events.Add(previous);
        await db.SaveChangesAsync(Ct);
        var rank = 1;
        foreach (var (email, status) in waiting.Select(e => (e, BookingStatus.Waiting)).Prepend(("pat@devon.example", BookingStatus.Confirmed)))
        {
            db.Add(new EventHub.Core.Bookings.Booking
            {
                EventId = previous.Id,
                Reference = "REF" + rank,
                CheckInCode = EventHub.Core.Common.SecureTokens.New(16),
                Name = email.Split('@')[0],
                Email = email,
                NormalisedEmail = email,
                Status = status,
                WaitlistRank = status == BookingStatus.Waiting ? rank : 0,
                CreatedUtc = rig.Now,
                UpdatedUtc = rig.Now,
            });
            rank++;
        }

        await db.SaveChangesAsync(Ct);
        return previous;
    }

    private static async Task SubscribeAsync(MailingListService lists, EmailRig rig, string slug, string email)
    {
        (await lists.SignUpAsync(slug, new ListSignUpInput { Name = email.Split('@')[0], Email = email, Consent = true }, Ct)).Succeeded.ShouldBeTrue();
        (await lists.ConfirmAsync(await ListMailTokens.ConfirmAsync(rig.Database, email), Ct)).Succeeded.ShouldBeTrue();
    }

    /// <summary>An unsubscribe link for the address, as an earlier announcement would have carried it.</summary>
    private static async Task<string> UnsubscribeLinkAsync(EmailRig rig, string email)
    {
        await using var db = rig.Database.CreateDbContext();
        var subscriptionId = await db.Set<ListSubscription>().Where(s => s.Email == email).Select(s => s.Id).SingleAsync(Ct);
        var token = ListLinks.Mint(db, subscriptionId, ListLinks.Unsubscribe, rig.Now);
        await db.SaveChangesAsync(Ct);
        return token;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
