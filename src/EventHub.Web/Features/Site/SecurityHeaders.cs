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

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Hex: no character that HTML encodes in the attribute, so the header and the page read alike.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                return Task.CompletedTask;
            });
            return next(context);
        });
}
