using System.Net;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Extensions.Options;

namespace EventHub.EndToEnd.Tests.Proceedings;

/// <summary>A series' archive as JSON and CSV over HTTP: published editions only, no personal data, the site's public address in links.</summary>
public sealed class SeriesArchiveExportHttpTests(SharedApp shared)
{
    private readonly AppHost _app = shared.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_series_archive_exports_published_sessions_only_without_personal_data_and_links_to_the_public_address()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var series = (await _app.Service<SeriesService>().CreateAsync(Actor.System, new SeriesInput { Name = "Archive forum " + unique }, Ct)).Value!;
        var published = await EditionAsync(series.Id, "Spring " + unique, "Open timetables " + unique, daysAhead: 30);
        var unpublished = await EditionAsync(series.Id, "Autumn " + unique, "Secret plans " + unique, daysAhead: 60);
        var proceedings = _app.Service<ProceedingsService>();
        (await proceedings.SetPublishedAsync(Actor.System, published.EventId, true, Ct)).Succeeded.ShouldBeTrue();
        var email = $"pat.private.{unique}@example.org";
        (await _app.Service<BookingService>().BookAsync(new BookingRequest(published.EventId, new BookingForm
        {
            Name = "Pat Private " + unique, Email = email, Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct)).Succeeded.ShouldBeTrue();
        (await _app.Service<NotesService>().SaveNotesAsync(EditorKey.ForOrganiser(Actor.System, published.SessionId), new NotesInput
        {
            KeyPoints = "Buses need data " + unique, Participants = "Quinn Quiet " + unique, ParticipantsConsented = true,
        }, Ct)).Succeeded.ShouldBeTrue();
        var site = _app.Service<IOptions<EmailOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        using var client = _app.CreateHttpClient();

        var json = await client.GetAsync(ArchiveExport.SeriesPath(series.Slug, "json"), Ct);
        var csv = await client.GetAsync(ArchiveExport.SeriesPath(series.Slug, "csv"), Ct);
        var missing = await client.GetAsync(ArchiveExport.SeriesPath("no-such-series-" + unique, "json"), Ct);

        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.Content.Headers.ContentType!.ToString().ShouldBe(ArchiveExport.JsonContentType);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var jsonText = await json.Content.ReadAsStringAsync(Ct);
        var csvText = await csv.Content.ReadAsStringAsync(Ct);
        using var document = System.Text.Json.JsonDocument.Parse(jsonText);
        var edition = document.RootElement.GetProperty("events").EnumerateArray().ShouldHaveSingleItem();
        edition.GetProperty("title").GetString().ShouldBe("Spring " + unique);
        edition.GetProperty("address").GetString().ShouldBe($"{site}/events/{published.Slug}/proceedings");
        edition.GetProperty("sessions")[0].GetProperty("keyPoints").GetString().ShouldBe("Buses need data " + unique);
        csvText.ShouldContain("Open timetables " + unique);
        csvText.ShouldContain($"{site}/events/{published.Slug}/sessions/{published.SessionId}");
        foreach (var text in new[] { jsonText, csvText })
        {
            text.ShouldNotContain("Secret plans " + unique);
            text.ShouldNotContain("Pat Private " + unique);
            text.ShouldNotContain(email);
            text.ShouldNotContain("Quinn Quiet " + unique);
            text.ShouldNotContain(new Uri(_app.BaseUrl).Authority, Case.Insensitive, "links use the site's public address, not the request's host");
        }

        unpublished.SessionId.ShouldNotBe(published.SessionId);
    }

    private async Task<(int EventId, string Slug, int SessionId)> EditionAsync(int seriesId, string title, string sessionTitle, int daysAhead)
    {
        var events = _app.Service<EventService>();
        var start = DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(9);
        var ev = (await events.CreateAsync(Actor.System, new EventInput
        {
            Title = title, VenueName = "Library", Capacity = 40, SeriesId = seriesId, StartLocal = start, EndLocal = start.AddHours(7),
        }, Ct)).Value!;
        var session = (await _app.Service<AgendaService>().SaveSessionAsync(Actor.System, ev.Id, null, new SessionInput
        {
            Title = sessionTitle, StartLocal = start.AddHours(1), EndLocal = start.AddHours(2),
        }, Ct)).Value!;
        (await events.SetStatusAsync(Actor.System, ev.Id, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();
        return (ev.Id, ev.Slug, session.Id);
    }
}
