using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.MailingLists;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.MailingLists;

public sealed class MailingListTests
{
    [Fact]
    public async Task Signing_up_needs_the_confirmation_click_before_any_list_mail_is_sent()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var rig = await EmailRig.CreateAsync(smtp.Port);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var (series, evt) = await AddSeriesEditionAsync(rig);

        (await lists.SignUpAsync(series.Slug, Input("Ann@Devon.example "), Ct)).Succeeded.ShouldBeTrue();
        (await lists.AnnounceAsync(Actors.Organiser, evt.Id, Ct)).Value.ShouldBe(0, "a pending address is not on the list yet");
        await rig.DeliverAllDueAsync();

        var confirmMail = smtp.Received.ShouldHaveSingleItem();
        confirmMail.To.Mailboxes.Single().Address.ShouldBe("ann@devon.example");
        // Read from the mail, as the person would: once sent over SMTP, the payload keeps no working token.
        var token = System.Text.RegularExpressions.Regex.Match(confirmMail.TextBody!, "https://events.devon.example/lists/confirm/([A-Za-z0-9_-]{22,})").Groups[1].Value;
        token.ShouldNotBeEmpty(confirmMail.TextBody);
        (await ListMailTokens.ConfirmAsync(rig.Database, "ann@devon.example")).ShouldBe(DeliveredLinks.Removed);

        (await lists.ConfirmAsync(token, Ct)).Succeeded.ShouldBeTrue();
        var second = await AddEditionAsync(rig, series.Id, "Social Media Forum: spring");
        (await lists.AnnounceAsync(Actors.Organiser, second.Id, Ct)).Value.ShouldBe(1);
        await rig.DeliverAllDueAsync();

        var announcement = smtp.Received.Last();
        announcement.Subject.ShouldBe("Booking is open: Social Media Forum: spring");
        var unsubscribeToken = System.Text.RegularExpressions.Regex.Match(announcement.TextBody!, "https://events.devon.example/lists/unsubscribe/([A-Za-z0-9_-]{22,})").Groups[1].Value;
        unsubscribeToken.ShouldNotBeEmpty(announcement.TextBody);
        announcement.Headers["List-Unsubscribe"].ShouldBe($"<https://events.devon.example/lists/unsubscribe/{unsubscribeToken}/one-click>");
        announcement.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        (await ListMailTokens.UnsubscribeAsync(rig.Database, "ann@devon.example")).ShouldBe(DeliveredLinks.Removed);
    }

    [Fact]
    public async Task The_announcement_says_who_the_places_are_for_in_the_organisers_words()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var rig = await EmailRig.CreateAsync(smtp.Port);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var (series, evt) = await AddSeriesEditionAsync(rig);
        await SubscribeAndConfirmAsync(lists, rig, series.Slug, "ann@devon.example");
        await using (var db = rig.Database.CreateDbContext())
        {
            db.Add(new EventHub.Core.Bookings.BookingSettings
            {
                EventId = evt.Id, Eligibility = EventHub.Core.Bookings.EligibilityMode.AllowedDomains, AllowedDomains = "devon.example",
                PlacesAreFor = "Places are for people who run a council's social media",
            });
            await db.SaveChangesAsync(Ct);
        }

        (await lists.AnnounceAsync(Actors.Organiser, evt.Id, Ct)).Value.ShouldBe(1);
        await rig.DeliverAllDueAsync();

        var announcement = smtp.Received.Last();
        announcement.Subject.ShouldStartWith("Booking is open");
        announcement.TextBody!.ShouldContain("Who may book: Places are for people who run a council's social media. "
            + "Book with an email address ending devon.example. Other email addresses cannot book.");
        announcement.HtmlBody!.ShouldContain("Who may book");
    }

    [Fact]
    public async Task An_unsubscribed_address_gets_no_further_list_mail_even_if_it_was_already_queued()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var rig = await EmailRig.CreateAsync(smtp.Port);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var (series, evt) = await AddSeriesEditionAsync(rig);
        await SubscribeAndConfirmAsync(lists, rig, series.Slug, "ann@devon.example");
        await SubscribeAndConfirmAsync(lists, rig, series.Slug, "bob@devon.example");
        await rig.DeliverAllDueAsync();
        smtp.Received.Clear();

        (await lists.AnnounceAsync(Actors.Organiser, evt.Id, Ct)).Value.ShouldBe(2);
        var annToken = await ListMailTokens.UnsubscribeAsync(rig.Database, "ann@devon.example");
        (await lists.UnsubscribeAsync(annToken, Ct)).Succeeded.ShouldBeTrue();
        (await lists.UnsubscribeAsync(annToken, Ct)).Succeeded.ShouldBeTrue("repeating the click is harmless");
        await rig.DeliverAllDueAsync();

        smtp.Received.ShouldHaveSingleItem().To.Mailboxes.Single().Address.ShouldBe("bob@devon.example");
        await using var db = rig.Database.CreateDbContext();
        var suppressed = await db.Set<OutboxMessage>().SingleAsync(m => m.ToEmail == "ann@devon.example" && m.Template == MailingListTemplates.Announce, Ct);
        suppressed.Status.ShouldBe(OutboxStatus.Suppressed);

        var next = await AddEditionAsync(rig, series.Id, "Social Media Forum: summer");
        (await lists.AnnounceAsync(Actors.Organiser, next.Id, Ct)).Value.ShouldBe(1);
    }

    [Fact]
    public async Task List_links_are_kept_only_as_hashes_each_mail_has_its_own_and_a_link_does_only_what_it_was_sent_for()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var (series, evt) = await AddSeriesEditionAsync(rig);
        (await lists.SignUpAsync(series.Slug, Input("ann@devon.example"), Ct)).Succeeded.ShouldBeTrue();
        var firstConfirm = await ListMailTokens.ConfirmAsync(rig.Database, "ann@devon.example");
        (await lists.SignUpAsync(series.Slug, Input("ann@devon.example"), Ct)).Succeeded.ShouldBeTrue();
        var secondConfirm = await ListMailTokens.ConfirmAsync(rig.Database, "ann@devon.example");
        secondConfirm.ShouldNotBe(firstConfirm, "each confirmation mail carries a link of its own");

        (await lists.ConfirmAsync(firstConfirm, Ct)).Succeeded.ShouldBeTrue("every link a person was sent works");
        (await lists.AnnounceAsync(Actors.Organiser, evt.Id, Ct)).Value.ShouldBe(1);
        var unsubscribe = await ListMailTokens.UnsubscribeAsync(rig.Database, "ann@devon.example");

        await using (var db = rig.Database.CreateDbContext())
        {
            var hashes = await db.Set<ListLink>().Select(l => l.TokenHash).ToListAsync(Ct);
            hashes.ShouldBe([SecureTokens.Hash(firstConfirm), SecureTokens.Hash(secondConfirm), SecureTokens.Hash(unsubscribe)], ignoreOrder: true);
        }

        (await lists.UnsubscribeAsync(firstConfirm, Ct)).ErrorCode.ShouldBe(MailingListErrors.LinkNotValid.Code, "a confirm link does not unsubscribe");
        (await lists.FindByUnsubscribeTokenAsync(SecureTokens.New(), Ct)).ShouldBeNull();
        (await lists.ConfirmAsync(SecureTokens.Hash(firstConfirm), Ct)).ErrorCode.ShouldBe(MailingListErrors.LinkNotValid.Code, "the stored hash is not a link");
        (await lists.FindByUnsubscribeTokenAsync(unsubscribe, Ct))!.Slug.ShouldBe(series.Slug);
        (await lists.UnsubscribeAsync(unsubscribe, Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Signing_up_again_after_leaving_stops_every_old_link()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var (series, evt) = await AddSeriesEditionAsync(rig);
        await SubscribeAndConfirmAsync(lists, rig, series.Slug, "ann@devon.example");
        var oldConfirm = await ListMailTokens.ConfirmAsync(rig.Database, "ann@devon.example");
        (await lists.AnnounceAsync(Actors.Organiser, evt.Id, Ct)).Value.ShouldBe(1);
        var oldUnsubscribe = await ListMailTokens.UnsubscribeAsync(rig.Database, "ann@devon.example");
        (await lists.UnsubscribeAsync(oldUnsubscribe, Ct)).Succeeded.ShouldBeTrue();

        (await lists.SignUpAsync(series.Slug, Input("ann@devon.example"), Ct)).Succeeded.ShouldBeTrue();

        (await lists.ConfirmAsync(oldConfirm, Ct)).ErrorCode.ShouldBe(MailingListErrors.LinkNotValid.Code);
        (await lists.FindByUnsubscribeTokenAsync(oldUnsubscribe, Ct)).ShouldBeNull();
        (await lists.ConfirmAsync(await ListMailTokens.ConfirmAsync(rig.Database, "ann@devon.example"), Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Signing_up_asks_for_a_name_a_valid_address_and_consent()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var (series, _) = await AddSeriesEditionAsync(rig);

        var outcome = await lists.SignUpAsync(series.Slug, new ListSignUpInput { Name = " ", Email = "not an address", Consent = false }, Ct);

        outcome.Succeeded.ShouldBeFalse();
        outcome.ErrorFor("Name").ShouldBe("Enter your name");
        outcome.ErrorFor("Email").ShouldBe("Enter an email address in the correct format, like name@example.com");
        outcome.ErrorFor("Consent").ShouldBe("Tick the box to agree to get emails about this series");
        await using var db = rig.Database.CreateDbContext();
        (await db.Set<ListSubscription>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<OutboxMessage>().CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task An_edition_is_announced_once_and_only_when_published()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var lists = new MailingListService(rig.Database, rig.Clock);
        var (series, evt) = await AddSeriesEditionAsync(rig);
        var draft = await AddEditionAsync(rig, series.Id, "Draft edition", EventStatus.Draft);

        (await lists.AnnounceAsync(Actors.Organiser, draft.Id, Ct)).ErrorCode.ShouldBe(MailingListErrors.NotPublished.Code);
        (await lists.AnnounceAsync(Actors.Organiser, evt.Id, Ct)).Succeeded.ShouldBeTrue();
        (await lists.AnnounceAsync(Actors.Organiser, evt.Id, Ct)).ErrorCode.ShouldBe(MailingListErrors.AlreadyAnnounced.Code);
        (await lists.AnnounceAsync(Actor.Anonymous, evt.Id, Ct)).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task A_confirmation_link_that_does_not_exist_is_refused()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var lists = new MailingListService(rig.Database, rig.Clock);

        (await lists.ConfirmAsync(SecureTokens.New(), Ct)).ErrorCode.ShouldBe(MailingListErrors.LinkNotValid.Code);
        (await lists.UnsubscribeAsync(SecureTokens.New(), Ct)).ErrorCode.ShouldBe(MailingListErrors.LinkNotValid.Code);
    }

    public static async Task<(EventSeries Series, Event Edition)> AddSeriesEditionAsync(EmailRig rig)
    {
        await using var db = rig.Database.CreateDbContext();
        var series = new EventSeries { Name = "Social Media Forum", Slug = "social-media-forum-" + Guid.NewGuid().ToString("N")[..6], CreatedUtc = rig.Now };
        db.Series.Add(series);
        await db.SaveChangesAsync(Ct);
        await Teams.JoinSeriesAsync(rig.Database, Actors.Organiser, series.Id, EventHub.Core.Events.Access.TeamRole.Owner);
        return (series, await AddEditionAsync(rig, series.Id, "Social Media Forum: winter"));
    }

    private static async Task<Event> AddEditionAsync(EmailRig rig, int seriesId, string title, EventStatus status = EventStatus.Published)
    {
        var evt = await rig.AddEventAsync(title);
        await using var db = rig.Database.CreateDbContext();
        await db.Events.Where(e => e.Id == evt.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.SeriesId, seriesId).SetProperty(e => e.Status, status), Ct);
        return evt;
    }

    private static async Task SubscribeAndConfirmAsync(MailingListService lists, EmailRig rig, string slug, string email)
    {
        (await lists.SignUpAsync(slug, Input(email), Ct)).Succeeded.ShouldBeTrue();
        (await lists.ConfirmAsync(await ListMailTokens.ConfirmAsync(rig.Database, email), Ct)).Succeeded.ShouldBeTrue();
    }

    private static ListSignUpInput Input(string email) => new() { Name = "Ann Attendee", Email = email, Consent = true };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
