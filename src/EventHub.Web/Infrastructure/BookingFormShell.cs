using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventHub.Web.Features.Site;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace EventHub.Web.Infrastructure;

/// <summary>
/// The booking form as a cached shell: rendering the static booking page was the largest share of a rush's CPU
/// (docs/benchmarks.md, round 10), and for an anonymous GET with no query the page is the same for everyone except the
/// antiforgery token (which must pair with the visitor's own cookie) and the CSP nonce. The first such GET is rendered
/// as usual; its HTML is kept in the output-cache store with those two values cut out, tagged like the event's other
/// pages (<see cref="PublicPageCache.EventTag"/>), so <see cref="PublicPageEviction"/> forgets it whenever a booking, an
/// edit or a publish changes what it shows, and for at most <see cref="PublicPageCache.LongestKept"/> (what changes with
/// the clock alone: the booking window). Later GETs are answered from the shell with this visitor's token and this
/// response's nonce filled in. The "booking opens …" page a crowd refreshes before the opening is kept the same way
/// (it holds no form, so its shell has no token and serving it sets no cookie), but never past the opening, when the
/// form must take its place (<see cref="KeepUntilOpening"/>). A closed window, a page not found or anything but a 200 is
/// rendered every time, and so is every POST (what was typed, the error summary, check your answers).
/// The page's component state (Blazor's record of the first visitor's antiforgery token, encrypted) is left out of the
/// shell: the page holds no interactive component that would read it.
/// </summary>
public sealed partial class BookingFormShell(RequestDelegate next, IOutputCacheStore store, IAntiforgery antiforgery, TimeProvider clock)
{
    public const string Route = "/events/{Slug}/book";

    private const string OpensKey = "EventHub.BookingOpensUtc";

    private const char Token = 't';
    private const char Nonce = 'n';

    // Response headers a shell answers with again (the rest are this request's own: cookies, CSP, dates, lengths).
    private static readonly string[] KeptHeaders =
        [HeaderNames.ContentType, HeaderNames.CacheControl, HeaderNames.Pragma, HeaderNames.XFrameOptions, "blazor-enhanced-nav"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (KeyFor(context) is not { } key)
        {
            await next(context);
            return;
        }

        var cached = await store.GetAsync(key.Key, context.RequestAborted);
        if (cached is not null && JsonSerializer.Deserialize<Shell>(cached) is { } shell)
        {
            await ServeAsync(context, shell);
            return;
        }

        // Rendered as usual, into a buffer, then sent on; kept if it is the open form.
        var response = context.Response;
        var bodyFeature = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer, bodyFeature));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(bodyFeature);
        }

        if (Cut(context, buffer) is { } made && KeptFor(context) is { } kept)
        {
            await store.SetAsync(key.Key, JsonSerializer.SerializeToUtf8Bytes(made), [PublicPageCache.EventTag(key.Slug)], kept, context.RequestAborted);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, context.RequestAborted);
    }

    /// <summary>
    /// Said by the booking page when what it rendered is the "booking opens …" page: it may then be kept, but only until
    /// <paramref name="opensUtc"/>.
    /// </summary>
    public static void KeepUntilOpening(HttpContext context, DateTime opensUtc)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[OpensKey] = opensUtc;
    }

    /// <summary>How long the page may be kept: the open form for the longest time; the page before the opening only until then (null once it has come).</summary>
    private TimeSpan? KeptFor(HttpContext context)
    {
        if (context.Items[OpensKey] is not DateTime opens)
        {
            return PublicPageCache.LongestKept;
        }

        var untilOpening = opens - clock.GetUtcNow().UtcDateTime;
        return untilOpening <= TimeSpan.Zero ? null : untilOpening < PublicPageCache.LongestKept ? untilOpening : PublicPageCache.LongestKept;
    }

    /// <summary>The shell's key for an anonymous GET of the booking form with no query; null for any other request.</summary>
    private static (string Key, string Slug)? KeyFor(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method)
            || request.QueryString.HasValue
            || context.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: Route }
            || context.GetRouteValue("Slug") is not string slug
            || context.User.Identity?.IsAuthenticated == true
            || request.Headers.ContainsKey(HeaderNames.Authorization)
            || !request.Cookies.Keys.All(name => name.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)))
        {
            return null;
        }

        // Blazor's enhanced navigation asks with its own Accept header: keep the two apart, as the page cache does.
        var nav = request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal) ? "enhanced" : "full";
        return ($"booking-form-shell:{nav}:{request.Host.Value}:{slug}", slug);
    }

    /// <summary>
    /// The rendered page as a shell, or null when it is neither the open form nor the page before the opening, or its
    /// per-request values are not found where expected (the form's token once, the nonce once; the page before the
    /// opening has no token at all).
    /// </summary>
    private Shell? Cut(HttpContext context, MemoryStream buffer)
    {
        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true
            || response.Headers.ContentEncoding.Count > 0)
        {
            return null;
        }

        var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var token = antiforgery.GetTokens(context).RequestToken;
        var nonce = SecurityHeaders.Nonce(context);
        var isForm = html.Contains("data-testid=\"booking-form\"", StringComparison.Ordinal);
        var beforeOpening = context.Items.ContainsKey(OpensKey) && !isForm;
        if (!(isForm || beforeOpening) || string.IsNullOrEmpty(token) || nonce.Length == 0
            || Count(html, token) != (isForm ? 1 : 0) || Count(html, nonce) != 1)
        {
            return null;
        }

        html = ComponentState().Replace(html, string.Empty);
        var parts = new List<string>();
        var holes = new StringBuilder();
        var at = 0;
        while (true)
        {
            var t = html.IndexOf(token, at, StringComparison.Ordinal);
            var n = html.IndexOf(nonce, at, StringComparison.Ordinal);
            if (t < 0 && n < 0)
            {
                break;
            }

            var (index, length, hole) = n < 0 || (t >= 0 && t < n) ? (t, token.Length, Token) : (n, nonce.Length, Nonce);
            parts.Add(html[at..index]);
            holes.Append(hole);
            at = index + length;
        }

        parts.Add(html[at..]);
        var headers = KeptHeaders.Where(h => response.Headers.ContainsKey(h)).ToDictionary(h => h, h => response.Headers[h].ToString());
        return new Shell(parts, holes.ToString(), headers, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    private async Task ServeAsync(HttpContext context, Shell shell)
    {
        var response = context.Response;
        foreach (var (name, value) in shell.Headers)
        {
            response.Headers[name] = value;
        }

        // This visitor's own token (and cookie, when they have none yet), as the page's AntiforgeryToken would give them;
        // none for the page before the opening, which has no form.
        var token = shell.Holes.Contains(Token, StringComparison.Ordinal) ? antiforgery.GetAndStoreTokens(context).RequestToken! : string.Empty;
        var nonce = SecurityHeaders.Nonce(context);
        // Age, as a page from the output cache has: how long ago this shell was rendered.
        response.Headers.Age = Math.Max(0, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - shell.Made).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var html = new StringBuilder(shell.Parts.Sum(p => p.Length) + 256);
        for (var i = 0; i < shell.Parts.Count; i++)
        {
            html.Append(shell.Parts[i]);
            if (i < shell.Holes.Length)
            {
                html.Append(shell.Holes[i] == Token ? token : nonce);
            }
        }

        await response.WriteAsync(html.ToString(), context.RequestAborted);
    }

    private static int Count(string html, string value)
    {
        var count = 0;
        for (var at = html.IndexOf(value, StringComparison.Ordinal); at >= 0; at = html.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*>")]
    private static partial Regex ComponentState();

    /// <summary>The page cut at its per-request values: <see cref="Holes"/>[i] ('t' token, 'n' nonce) goes between Parts[i] and Parts[i + 1].</summary>
    private sealed record Shell(IReadOnlyList<string> Parts, string Holes, Dictionary<string, string> Headers, long Made);
}

public static class BookingFormShellExtensions
{
    /// <summary>Serves the booking form from its cached shell (only where the page cache and its eviction are on).</summary>
    public static IApplicationBuilder UseBookingFormShell(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        return configuration.GetValue("EventHub:OutputCache:Enabled", true) ? app.UseMiddleware<BookingFormShell>() : app;
    }
}
