using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace EventHub.Web.Features.Site;

/// <summary>
/// Headers on every response: no referrer (token links must not leak to other sites), no MIME sniffing, and a
/// Content-Security-Policy whose scripts are this site's files plus the one inline import map, which carries a
/// per-request nonce. Blazor Server and MudBlazor need no <c>unsafe-eval</c>; MudBlazor sets inline styles.
/// Only this site may frame a page, except the embeddable pages under <c>/embed</c>, which the sources in
/// <c>EventHub:Embed:FrameAncestors</c> may frame (default <c>*</c>: any site).
/// </summary>
public static partial class SecurityHeaders
{
    public const string FrameAncestorsSetting = "EventHub:Embed:FrameAncestors";

    private const string NonceKey = "EventHub.CspNonce";

    /// <summary>The nonce of this request, for the few inline scripts the framework writes (the import map).</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? string.Empty;

    public static string ContentSecurityPolicy(string nonce, string frameAncestors = "'self'") =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "media-src 'self' blob:; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        $"frame-ancestors {frameAncestors}";

    /// <summary>
    /// The configured allow-list as a CSP source list: space- or comma-separated <c>*</c>, <c>'self'</c> or
    /// <c>https://host[:port]</c> (a leading <c>*.</c> allowed). Anything else stops the app at start-up, so a typo
    /// cannot end up in the header (or end the header early).
    /// </summary>
    public static string EmbedFrameAncestors(string? configured)
    {
        var sources = (configured ?? "*").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (sources.Length == 0)
        {
            return "*";
        }

        foreach (var source in sources)
        {
            if (!FrameSource().IsMatch(source))
            {
                throw new InvalidOperationException(
                    $"{FrameAncestorsSetting}: \"{source}\" is not *, 'self' or an address such as https://intranet.example.gov.uk.");
            }
        }

        return string.Join(' ', sources);
    }

    [GeneratedRegex(@"^(\*|'self'|https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?)$")]
    private static partial Regex FrameSource();

    private static void SetHeaders(IHeaderDictionary headers, string nonce, string frameAncestors)
    {
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, frameAncestors);
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var embedAncestors = EmbedFrameAncestors(app.ApplicationServices.GetRequiredService<IConfiguration>()[FrameAncestorsSetting]);
        return app.Use((context, next) =>
        {
            var frameAncestors = context.Request.Path.StartsWithSegments(Events.EmbedRoutes.Prefix, StringComparison.OrdinalIgnoreCase)
                ? embedAncestors : "'self'";
            // Hex: no character that HTML encodes in the attribute, so the header and the page read alike.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            // Set now, so a cached public page is stored with the policy whose nonce its HTML carries, and a page
            // served from the cache gets that stored header back with it (PublicPageCache). Set again on starting
            // when something (the error page) cleared them.
            SetHeaders(context.Response.Headers, nonce, frameAncestors);
            context.Response.OnStarting(() =>
            {
                // Keep the one policy with our script-src (this response's, or the cached page's own), dropping any
                // other the framework added (its frame-ancestors is already in ours).
                var headers = context.Response.Headers;
                var ours = headers.ContentSecurityPolicy.FirstOrDefault(p => p?.Contains("script-src", StringComparison.Ordinal) == true);
                if (ours is null)
                {
                    SetHeaders(headers, nonce, frameAncestors);
                }
                else
                {
                    headers.ContentSecurityPolicy = ours;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
