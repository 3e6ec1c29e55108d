using System.Security.Cryptography;

namespace EventHub.Web.Features.Site;

/// <summary>
/// Headers on every response: no referrer (token links must not leak to other sites), no MIME sniffing, and a
/// Content-Security-Policy whose scripts are this site's files plus the one inline import map, which carries a
/// per-request nonce. Blazor Server and MudBlazor need no <c>unsafe-eval</c>; MudBlazor sets inline styles.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "EventHub.CspNonce";

    /// <summary>The nonce of this request, for the few inline scripts the framework writes (the import map).</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? string.Empty;

    public static string ContentSecurityPolicy(string nonce) =>
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
        "frame-ancestors 'self'";

    private static void SetHeaders(IHeaderDictionary headers, string nonce)
    {
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Hex: no character that HTML encodes in the attribute, so the header and the page read alike.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            // Set now, so a cached public page is stored with the policy whose nonce its HTML carries, and a page
            // served from the cache gets that stored header back with it (PublicPageCache). Set again on starting
            // when something (the error page) cleared them.
            SetHeaders(context.Response.Headers, nonce);
            context.Response.OnStarting(() =>
            {
                // Keep the one policy with our script-src (this response's, or the cached page's own), dropping any
                // other the framework added (its frame-ancestors is already in ours).
                var headers = context.Response.Headers;
                var ours = headers.ContentSecurityPolicy.FirstOrDefault(p => p?.Contains("script-src", StringComparison.Ordinal) == true);
                if (ours is null)
                {
                    SetHeaders(headers, nonce);
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
