using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events.Access;
using EventHub.Core.Organisers;
using EventHub.Core.Proceedings;
using EventHub.Web.Features.Events.Organiser;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Features.Proceedings;

public static class ProceedingsEndpoints
{
    /// <summary>The material download endpoint, the book as Markdown and as PDF, and the record link on the organiser's event page.</summary>
    public static IEndpointRouteBuilder MapProceedings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/materials/{id:int}", async (int id, HttpContext http, MaterialService materials, CancellationToken ct) =>
        {
            var download = await materials.GetDownloadAsync(OrganiserClaims.ToActor(http.User), id, ct);
            if (download is null)
            {
                return Results.NotFound();
            }

            // Always a download, never rendered by the browser in our origin, whatever the file claims to be.
            http.Response.Headers.ContentDisposition = download.ContentDisposition;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            http.Response.Headers.CacheControl = "private, no-cache";
            return Results.File(download.FullPath, download.ContentType);
        });

        // The book as one Markdown file: the same reader rules as the page (published, or a preview for the team).
        app.MapGet("/events/{slug}/proceedings.md", async (string slug, HttpContext http, ProceedingsService proceedings, IOptions<EmailOptions> site, CancellationToken ct) =>
        {
            var book = await proceedings.GetBookAsync(OrganiserClaims.ToActor(http.User), slug, ct);
            if (book is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.ContentDisposition = ProceedingsRules.ContentDisposition(ProceedingsMarkdown.FileName(book.EventSlug));
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = book.IsPublished ? "public, max-age=300" : "private, no-cache";
            return Results.Text(ProceedingsMarkdown.Render(book, site.Value.PublicBaseUrl, DownloadUrl), ProceedingsMarkdown.ContentType);
        });

        app.MapNotes();

        // The book as one PDF, by the same reader rules.
        app.MapGet("/events/{slug}/proceedings.pdf", async (string slug, HttpContext http, ProceedingsService proceedings, IOptions<EmailOptions> site, CancellationToken ct) =>
        {
            var book = await proceedings.GetBookAsync(OrganiserClaims.ToActor(http.User), slug, ct);
            if (book is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.ContentDisposition = ProceedingsRules.ContentDisposition(ProceedingsPdf.FileName(book.EventSlug));
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = book.IsPublished ? "public, max-age=300" : "private, no-cache";
            return Results.Bytes(ProceedingsPdf.Render(book, site.Value.PublicBaseUrl, DownloadUrl), ProceedingsPdf.ContentType);
        });

        // Exports of the published record only (never a team preview): the event's, and every published edition of a series.
        foreach (var format in new[] { "json", "csv" })
        {
            app.MapGet("/events/{slug}/proceedings." + format, async (string slug, HttpContext http, ProceedingsService proceedings, IOptions<EmailOptions> site, CancellationToken ct) =>
                await proceedings.GetBookAsync(Actor.Anonymous, slug, ct) is { } book ? Export(http, site.Value, [book], slug, format) : Results.NotFound());
            app.MapGet("/series/{slug}/archive." + format, async (string slug, HttpContext http, ProceedingsService proceedings, IOptions<EmailOptions> site, CancellationToken ct) =>
                await proceedings.SeriesBooksAsync(slug, ct) is { } books ? Export(http, site.Value, books, slug, format) : Results.NotFound());
        }

        EventPageLinks.Add(Permission.Edit, ev => ($"/organiser/events/{ev.Id}/record", "Notes, materials and proceedings"));
        return app;
    }

    public static string DownloadUrl(int materialId) => $"/materials/{materialId}";

    /// <summary>
    /// An export for reuse elsewhere: its links are absolute, to the site's public address (as in mails), never to the
    /// host a request came through (a proxy's inside name, or whatever Host header a client sent to a cached answer).
    /// </summary>
    private static IResult Export(HttpContext http, EmailOptions options, IReadOnlyList<ProceedingsBook> books, string slug, string format)
    {
        var site = options.PublicBaseUrl;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "public, max-age=300";
        var fileName = ArchiveExport.FileName(slug, format);
        if (format == "csv")
        {
            return Infrastructure.CsvResults.File(ArchiveExport.Csv(books, site, DownloadUrl), fileName);
        }

        http.Response.Headers.ContentDisposition = ProceedingsRules.ContentDisposition(fileName);
        return Results.Text(ArchiveExport.Json(books, site, DownloadUrl), ArchiveExport.JsonContentType);
    }
}
