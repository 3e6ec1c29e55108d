using EventHub.Core.Common;
using EventHub.Core.Proceedings;
using EventHub.Web.Features.Site;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EventHub.Web.Features.Proceedings;

/// <summary>
/// The notes page's two endpoints besides the page itself: the script's autosave (JSON, antiforgery in a header) and
/// the upload form (multipart, streamed to the material store, with its own request size limit). Both answer for the
/// holder of the private link only, through <see cref="NotesService"/> and <see cref="MaterialService"/>.
/// </summary>
public static class NotesEndpoints
{
    /// <summary>Room for the multipart framing and the antiforgery field around the largest file an event may allow.</summary>
    public const long MaxUploadRequestBytes = ProceedingsRules.MaxAllowedUploadBytes + (1024 * 1024);

    private const string LinkName = "Notes link";

    public static string Page(string token) => $"/notes/{Uri.EscapeDataString(token)}";

    public static string AutosaveUrl(string token) => Page(token) + "/autosave";

    public static string UploadUrl(string token) => Page(token) + "/materials";

    /// <summary>The page with an upload refusal's code, which the page turns back into the catalogue's words.</summary>
    public static string UploadRefusedUrl(string token, string code) => $"{Page(token)}?upload-error={Uri.EscapeDataString(code)}";

    public static EditorKey Key(string token) => EditorKey.ForToken(token, LinkName);

    public static IEndpointRouteBuilder MapNotes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/notes/{token}/autosave", AutosaveAsync);
        // ASP.NET Core refuses bodies over 30 MB by default; slides may be up to the event's limit (at most 200 MB).
        app.MapPost("/notes/{token}/materials", UploadAsync).WithMetadata(new RequestSizeLimitAttribute(MaxUploadRequestBytes));
        return app;
    }

    /// <summary>What the script is told after an autosave: the new revision and the status line, or why not.</summary>
    public sealed record AutosaveAnswer(bool Saved, int? Revision, string Status, bool Stale = false, IReadOnlyList<FieldError>? Errors = null);

    private static async Task<IResult> AutosaveAsync(string token, [FromBody] NotesInput input, HttpContext http, IAntiforgery antiforgery,
        NotesService notes, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var key = Key(token);
        var outcome = await notes.SaveNotesAsync(key, input, ct);
        if (outcome.Succeeded)
        {
            var page = await notes.GetAsync(key, ct);
            return Results.Ok(new AutosaveAnswer(true, outcome.Value!.Revision, NotesStatus.SavedAt(outcome.Value.SavedUtc, page?.TimeZoneId)));
        }

        if (outcome.IsForbidden)
        {
            return Results.NotFound();
        }

        if (outcome.ErrorCode == ProceedingsErrors.Stale.Code)
        {
            // The revision someone else saved: the script may offer to save on top of it, knowingly.
            var current = await notes.GetAsync(key, ct);
            return Results.Json(new AutosaveAnswer(false, current?.Revision, outcome.Message!, Stale: true), statusCode: StatusCodes.Status409Conflict);
        }

        return Results.Json(new AutosaveAnswer(false, null, "Not saved: " + outcome.Message, Errors: outcome.Errors), statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>
    /// Reads the multipart body as a stream: the antiforgery field first (the form puts it before the file), checked
    /// before a byte of the file is read, then the file, copied by <see cref="MaterialService"/> to the store up to the
    /// event's limit. Answers with a redirect to the page (Post/Redirect/Get) saying what happened.
    /// </summary>
    private static async Task<IResult> UploadAsync(string token, HttpContext http, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions,
        NotesService notes, MaterialService materials, PublicActionLimiter limits, CancellationToken ct)
    {
        var key = Key(token);
        var page = await notes.GetAsync(key, ct);
        if (page is null)
        {
            return Results.NotFound();
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Results.BadRequest();
        }

        var reader = new MultipartReader(boundary, http.Request.Body);
        var options = antiforgeryOptions.Value;
        var first = await reader.ReadNextSectionAsync(ct);
        if (first?.GetContentDispositionHeader() is not { } firstField || firstField.Name.Value != options.FormFieldName || options.HeaderName is null)
        {
            return Results.BadRequest();
        }

        // The antiforgery check reads its header before it would read (and buffer) the whole form.
        using (var tokenReader = new StreamReader(first.Body))
        {
            http.Request.Headers[options.HeaderName] = await tokenReader.ReadToEndAsync(ct);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        if (!limits.TryAcquire(PublicAction.Upload, http.Connection.RemoteIpAddress?.ToString(), "notes:" + page.SessionId, out var wait))
        {
            await TooManyRequests.WritePageAsync(http, PublicActionLimits.Describe(PublicAction.Upload), wait, ct);
            return Results.Empty;
        }

        // Say "too large" before reading a body that is plainly bigger than the limit (framing is a few hundred bytes).
        if (http.Request.ContentLength > page.MaxUploadBytes + (64 * 1024))
        {
            return Results.Redirect(UploadRefusedUrl(token, ProceedingsErrors.TooLargeCode));
        }

        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
        {
            var disposition = section.GetContentDispositionHeader();
            if (disposition is not null && disposition.IsFileDisposition() && disposition.Name.Value == "File")
            {
                break;
            }
        }

        var fileName = section?.GetContentDispositionHeader()?.FileName.Value;
        if (section is null || string.IsNullOrEmpty(fileName))
        {
            return Results.Redirect(UploadRefusedUrl(token, ProceedingsErrors.NoFile.Code));
        }

        var outcome = await materials.UploadAsync(key, fileName, section.Body, ct: ct);
        return outcome.Succeeded ? Results.Redirect(Page(token) + (outcome.Value!.AwaitingApproval ? "?done=uploaded-for-approval" : "?done=uploaded"))
            : outcome.IsForbidden ? Results.NotFound()
            : Results.Redirect(UploadRefusedUrl(token, outcome.ErrorCode ?? ProceedingsErrors.NoFile.Code));
    }
}
