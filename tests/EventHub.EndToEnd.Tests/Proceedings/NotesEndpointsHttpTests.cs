using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Proceedings;

/// <summary>
/// The notes page's endpoints over real HTTP: the upload takes files beyond ASP.NET Core's 30 MB default (up to the
/// event's limit) and refuses a post without the page's antiforgery token; the autosave needs the token in a header.
/// </summary>
public sealed partial class NotesEndpointsHttpTests(SharedApp shared)
{
    private readonly AppHost _app = shared.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_40_mb_pdf_uploads_through_the_plain_form_when_the_event_allows_50_mb()
    {
        var notes = await NotesLimitedToAsync("50");
        using var client = _app.CreateHttpClient(followRedirects: false);
        var (cookie, token) = await FormTokenAsync(client, notes);
        var pdf = PdfOfMegabytes(40);

        using var response = await client.SendAsync(Upload(notes, cookie, token, pdf, "Big slides.pdf"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"{notes.Page}?done=uploaded");
        var material = (await notes.ReadAsync(_app))!.Materials.ShouldHaveSingleItem();
        (material.OriginalName, material.SizeBytes).ShouldBe(("Big slides.pdf", pdf.LongLength));
    }

    [Fact]
    public async Task A_file_over_the_events_limit_is_refused_with_its_code_and_the_page_says_why()
    {
        var notes = await NotesLimitedToAsync("1");
        using var client = _app.CreateHttpClient(followRedirects: false);
        var (cookie, token) = await FormTokenAsync(client, notes);
        var pdf = PdfOfMegabytes(2);

        using var response = await client.SendAsync(Upload(notes, cookie, token, pdf, "slides.pdf"), Ct);
        var page = await client.GetStringAsync(response.Headers.Location, Ct);

        response.Headers.Location!.ToString().ShouldBe($"{notes.Page}?upload-error=file_too_large");
        page.ShouldContain("There is a problem");
        page.ShouldContain("The selected file must be smaller than 1 MB");
        (await notes.ReadAsync(_app))!.Materials.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_external_link_on_the_notes_page_sends_no_referrer_so_the_token_in_its_address_never_leaves()
    {
        var notes = await NotesSeed.CreateAsync(_app);
        var key = EditorKey.ForToken(notes.Token);
        (await _app.Service<MaterialService>().AddLinkAsync(key, "Open data portal", "https://data.example.org/buses", Ct)).Succeeded.ShouldBeTrue();
        using var client = _app.CreateHttpClient(followRedirects: false);

        var html = await client.GetStringAsync(notes.Page, Ct);

        var external = ExternalLink().Matches(html).Select(m => m.Value).ToList();
        external.ShouldNotBeEmpty("the link material is on the page");
        external.ShouldAllBe(a => a.Contains("noreferrer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_without_the_pages_antiforgery_token_is_refused()
    {
        var notes = await NotesSeed.CreateAsync(_app);
        using var client = _app.CreateHttpClient(followRedirects: false);
        var (cookie, _) = await FormTokenAsync(client, notes);

        using var response = await client.SendAsync(Upload(notes, cookie, "not-the-token", "%PDF-1.4\n%%EOF"u8.ToArray(), "slides.pdf"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notes.ReadAsync(_app))!.Materials.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_autosave_needs_the_token_in_a_header_and_refuses_a_save_based_on_an_old_revision()
    {
        var notes = await NotesSeed.CreateAsync(_app);
        using var client = _app.CreateHttpClient(followRedirects: false);
        var (cookie, token) = await FormTokenAsync(client, notes);
        HttpRequestMessage Autosave(string? header, int revision, string keyPoints)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"{notes.Page}/autosave")
            {
                Content = JsonContent.Create(new { keyPoints, baseRevision = revision }),
            };
            request.Headers.Add("Cookie", cookie);
            if (header is not null)
            {
                request.Headers.Add("RequestVerificationToken", header);
            }

            return request;
        }

        using var without = await client.SendAsync(Autosave(null, 0, "Sneaky"), Ct);
        using var saved = await client.SendAsync(Autosave(token, 0, "Share the data"), Ct);
        using var stale = await client.SendAsync(Autosave(token, 0, "An older copy"), Ct);

        without.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync(Ct)).ShouldContain("\"revision\":1");
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain(ProceedingsErrors.Stale.Message);
        (await notes.ReadAsync(_app))!.KeyPoints.ShouldBe("Share the data");
    }

    private async Task<NotesSeed> NotesLimitedToAsync(string megabytes)
    {
        var notes = await NotesSeed.CreateAsync(_app);
        (await _app.Service<MaterialService>().SetUploadLimitMegabytesAsync(Actor.System, notes.Event.EventId, megabytes, Ct)).Succeeded.ShouldBeTrue();
        return notes;
    }

    private static byte[] PdfOfMegabytes(int megabytes)
    {
        var pdf = new byte[megabytes * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        return pdf;
    }

    private static HttpRequestMessage Upload(NotesSeed notes, string cookie, string token, byte[] file, string name)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "File", name);
        var request = new HttpRequestMessage(HttpMethod.Post, $"{notes.Page}/materials") { Content = form };
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    /// <summary>The antiforgery cookie and the upload form's token, as a browser gets them from the page.</summary>
    private static async Task<(string Cookie, string Token)> FormTokenAsync(HttpClient client, NotesSeed notes)
    {
        using var response = await client.GetAsync(notes.Page, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = TokenField().Match(html).Groups[1].Value;
        token.ShouldNotBeEmpty();
        return (cookie, WebUtility.HtmlDecode(token));
    }

    [GeneratedRegex("<a [^>]*href=\"https?://[^\"]*\"[^>]*>")]
    private static partial Regex ExternalLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
