using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Privacy;

public sealed class PrivacyNoticesTests
{
    private static async Task<CoreServices> ServicesAsync()
    {
        var services = await CoreServices.CreateAsync(configure: s => s.AddPrivacy().Configure<SiteSettings>(site =>
        {
            site.ControllerName = "Devon County Council";
            site.ContactEmail = "dpo@devon.gov.uk";
        }).Configure<PrivacyOptions>(privacy => (privacy.PersonalDataMonths, privacy.NeedsDays) = (18, 5)));

        // The organiser is stored so the events and series they create record them as Owner.
        await Teams.StoreAsync(services.Database, Actors.Organiser);
        return services;
    }

    private static async Task<Event> PublishedAsync(CoreServices services, string title, int? seriesId = null, string notice = "")
    {
        var events = services.Get<EventService>();
        var start = services.Clock.GetUtcNow().UtcDateTime.Date.AddDays(30).AddHours(9);
        var ev = (await events.CreateAsync(Actors.Organiser, new EventInput
        {
            Title = title, SeriesId = seriesId, VenueName = "County Hall", Capacity = 50, PrivacyNotice = notice,
            StartLocal = start, EndLocal = start.AddHours(6),
        })).Value!;
        (await events.SetStatusAsync(Actors.Organiser, ev.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        return ev;
    }

    [Fact]
    public async Task The_site_default_names_the_controller_the_real_retention_periods_and_how_to_ask_for_access_or_erasure()
    {
        await using var services = await ServicesAsync();
        var ev = await PublishedAsync(services, "Digital Forum");

        var notice = (await services.Get<PrivacyNotices>().ForEventAsync(ev.Slug))!;

        notice.Source.ShouldBe(PrivacyNoticeSource.Site);
        notice.Html.ShouldContain("Devon County Council is the data controller");
        notice.Html.ShouldContain("18 months after the event");
        notice.Html.ShouldContain("5 days after the event");
        notice.Html.ShouldContain("mailto:dpo@devon.gov.uk");
        notice.Html.ShouldContain("Nobody.");
        notice.Html.ShouldContain("when you ask to be credited by name", customMessage: "conveners and write-up authors are told when their name stays");
        notice.KeptSentence.ShouldStartWith("Devon County Council keeps your name, email address, organisation and answers for 18 months");
    }

    [Fact]
    public async Task An_edition_uses_its_own_notice_then_its_series_notice_then_the_site_default()
    {
        await using var services = await ServicesAsync();
        var series = (await services.Get<SeriesService>().CreateAsync(Actors.Organiser,
            new SeriesInput { Name = "Forum", PrivacyNotice = "The **forum** shares nothing." })).Value!;
        var own = await PublishedAsync(services, "With its own", series.Id, "Only *this* edition's notice.");
        var fromSeries = await PublishedAsync(services, "From the series", series.Id);
        var notices = services.Get<PrivacyNotices>();

        var a = (await notices.ForEventAsync(own.Slug))!;
        var b = (await notices.ForEventAsync(fromSeries.Slug))!;

        a.Source.ShouldBe(PrivacyNoticeSource.Event);
        a.Html.ShouldContain("Only <em>this</em> edition's notice.");
        b.Source.ShouldBe(PrivacyNoticeSource.Series);
        b.Html.ShouldContain("The <strong>forum</strong> shares nothing.");
    }

    [Fact]
    public async Task A_draft_event_has_no_public_notice()
    {
        await using var services = await ServicesAsync();
        var draft = (await services.Get<EventService>().CreateAsync(Actors.Organiser, new EventInput
        {
            Title = "Draft", VenueName = "Hall", Capacity = 5,
            StartLocal = new DateTime(2027, 1, 5, 9, 0, 0, DateTimeKind.Unspecified), EndLocal = new DateTime(2027, 1, 5, 12, 0, 0, DateTimeKind.Unspecified),
        })).Value!;

        (await services.Get<PrivacyNotices>().ForEventAsync(draft.Slug)).ShouldBeNull();
    }

    [Fact]
    public async Task An_organiser_can_save_and_reload_an_event_notice()
    {
        await using var services = await ServicesAsync();
        var ev = await PublishedAsync(services, "Saved", notice: "  We keep *less*.  ");

        var detail = await services.Get<EventService>().GetAsync(Actors.Organiser, ev.Id);

        EventInput.From(detail!.Event).PrivacyNotice.ShouldBe("We keep *less*.");
    }
}
