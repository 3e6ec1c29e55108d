using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Invitations;
using EventHub.Core.MailingLists;
using EventHub.Core.Organisers;
using EventHub.Core.Polls;
using EventHub.EndToEnd.Tests.Proceedings;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Privacy;

/// <summary>
/// Every page whose address carries a secret (manage, door, notes, list confirm and unsubscribe, poll answers,
/// invitation) sends <c>Referrer-Policy: no-referrer</c>, and each link off the site says <c>noreferrer</c>, so the
/// token never leaves in a Referer header. Read over plain HTTP with real tokens, from the shared app.
/// </summary>
public sealed partial class TokenPageHeadersTests(SharedApp shared)
{
    private readonly AppHost _app = shared.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_token_page_sends_no_referrer_and_its_external_links_say_noreferrer()
    {
        var pages = new Dictionary<string, string>
        {
            ["manage"] = await ManagePathAsync(),
            ["door"] = await DoorPathAsync(),
            ["notes"] = (await NotesSeed.CreateAsync(_app, "Referrer clinic")).Page,
            ["poll answers"] = await PollAnswersPathAsync(),
            ["invitation"] = await InvitationPathAsync(),
        };
        var (confirm, unsubscribe) = await ListPathsAsync();
        pages["list confirm"] = confirm;
        pages["list unsubscribe"] = unsubscribe;
        using var client = _app.CreateHttpClient(followRedirects: false);

        foreach (var (what, path) in pages)
        {
            using var response = await client.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"the {what} page ({path}) must open with a real token");
            response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"], $"the {what} page");
            var html = await response.Content.ReadAsStringAsync(Ct);
            ExternalLink().Matches(html).Select(m => m.Value).Where(a => !a.Contains(_app.BaseUrl, StringComparison.Ordinal))
                .ShouldAllBe(a => a.Contains("noreferrer", StringComparison.Ordinal), $"external links on the {what} page");
        }
    }

    private async Task<int> EventAsync(int? seriesId = null)
    {
        var events = _app.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Referrer Forum " + Guid.NewGuid().ToString("N")[..6], SeriesId = seriesId, Capacity = 10, VenueName = "County Hall",
            OnlineUrl = "https://meet.example.org/referrer-forum", StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        }, Ct);
        created.Succeeded.ShouldBeTrue(created.Message);
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();
        return created.Value.Id;
    }

    private async Task<string> ManagePathAsync()
    {
        var booked = await _app.Service<BookingService>().BookAsync(new BookingRequest(await EventAsync(), new BookingForm
        {
            Name = "Rae Referrer", Email = $"rae-{Guid.NewGuid():N}@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct);
        booked.Succeeded.ShouldBeTrue(booked.Message);
        return ManageRoutes.Manage(booked.Value!.ManageToken);
    }

    private async Task<string> DoorPathAsync()
    {
        var eventId = await EventAsync();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var link = await _app.Service<DoorLinkService>().CreateAsync(Actor.System, eventId,
            new DoorLinkLocalInput("Front door", DateTime.SpecifyKind(DateTime.UtcNow.AddMinutes(-5), DateTimeKind.Unspecified), day.AddHours(13)), Ct);
        link.Succeeded.ShouldBeTrue(link.Message);
        return link.Value!.Path;
    }

    private async Task<string> PollAnswersPathAsync()
    {
        var day = DateTime.UtcNow.Date.AddDays(40);
        var poll = (await _app.Service<PollSetupService>().CreateAsync(Actor.System, new PollInput
        {
            Title = "Referrer meet-up " + Guid.NewGuid().ToString("N")[..6], Place = "The Phoenix",
            Options = [new PollOptionInput { StartLocal = day.AddHours(19), EndLocal = day.AddHours(21) }],
        }, Ct)).Value!;
        var vote = await _app.Service<PollVotingService>().VoteAsync(poll.PublicToken, new VoteInput
        {
            Name = "Vic Voter", Answers = poll.Options.ToDictionary(o => o.Id, _ => (PollAnswer?)PollAnswer.Yes),
        }, Ct);
        vote.Succeeded.ShouldBeTrue(vote.Message);
        return PollRoutes.ChangeAnswers(vote.Value!.EditToken);
    }

    private async Task<string> InvitationPathAsync()
    {
        var ada = await _app.NewOrganiserAsync("Ada Administrator");
        var id = (await _app.Service<OrganiserAccounts>().ListAsync(Actor.System)).Single(o => o.Email == ada.Email).Id;
        var email = $"ivy-{Guid.NewGuid():N}@devon.gov.uk";
        var invited = await _app.Service<InvitationService>().InviteAsync(Actor.Organiser(id, ada.DisplayName, isAdministrator: true),
            new InvitationInput("Ivy Invitee", email, false), Ct);
        invited.Succeeded.ShouldBeTrue(invited.Message);
        return await PathFromMailAsync(email, "You have been invited", InvitationLink());
    }

    private async Task<(string Confirm, string Unsubscribe)> ListPathsAsync()
    {
        var series = (await _app.Service<SeriesService>().CreateAsync(Actor.System, new SeriesInput { Name = "Referrer Series " + Guid.NewGuid().ToString("N")[..6] }, Ct)).Value!;
        var email = $"liz-{Guid.NewGuid():N}@devon.gov.uk";
        var lists = _app.Service<MailingListService>();
        (await lists.SignUpAsync(series.Slug, new ListSignUpInput { Name = "Liz Lister", Email = email, Consent = true }, Ct)).Succeeded.ShouldBeTrue();
        var confirm = await PathFromMailAsync(email, "Confirm you want emails about", ListConfirmLink());
        (await lists.ConfirmAsync(confirm[MailingListRoutes.Confirm(string.Empty).Length..], Ct)).Succeeded.ShouldBeTrue();
        (await lists.AnnounceAsync(Actor.System, await EventAsync(series.Id), Ct)).Value.ShouldBe(1);
        return (confirm, await PathFromMailAsync(email, "Booking is open:", ListUnsubscribeLink()));
    }

    private async Task<string> PathFromMailAsync(string to, string subjectStart, Regex link)
    {
        var mail = await PickupInbox.WaitForAsync(_app, to, subjectStart, Ct);
        var match = link.Match(mail.TextBody!);
        match.Success.ShouldBeTrue(mail.TextBody);
        return match.Value;
    }

    [GeneratedRegex("<a [^>]*href=\"https?://[^\"]*\"[^>]*>")]
    private static partial Regex ExternalLink();

    [GeneratedRegex(@"/account/invitation/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"/lists/confirm/[A-Za-z0-9_-]+")]
    private static partial Regex ListConfirmLink();

    [GeneratedRegex(@"/lists/unsubscribe/(?>[A-Za-z0-9_-]+)(?!/)")]
    private static partial Regex ListUnsubscribeLink();
}
