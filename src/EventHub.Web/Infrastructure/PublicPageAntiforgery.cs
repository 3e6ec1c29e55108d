using Microsoft.AspNetCore.Antiforgery;

namespace EventHub.Web.Infrastructure;

/// <summary>
/// Blazor asks for antiforgery tokens on every page it renders (it keeps one in the component state it writes at the
/// end of the page), which would set a cookie and forbid caching on every public page. For a page the cache will keep
/// (<see cref="PublicPageCache"/> marks the request; those pages hold no form), the tokens are made but nothing is
/// stored: no cookie, no no-store header, and the request token written into the page matches no one's cookie, so a
/// copy served to someone else is of no use to anyone. Every other request is untouched.
/// </summary>
public sealed class PublicPageAntiforgery(IAntiforgery inner) : IAntiforgery
{
    private const string CachedKey = "EventHub.PublicPageCached";

    public static void MarkCached(HttpContext context) => context.Items[CachedKey] = true;

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        httpContext.Items.ContainsKey(CachedKey) ? inner.GetTokens(httpContext) : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    /// <summary>Wraps the registered antiforgery service.</summary>
    internal static void Register(IServiceCollection services)
    {
        services.AddAntiforgery();
        var registered = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(registered);
        services.AddSingleton<IAntiforgery>(sp => new PublicPageAntiforgery(registered switch
        {
            { ImplementationInstance: IAntiforgery instance } => instance,
            { ImplementationFactory: { } factory } => (IAntiforgery)factory(sp),
            _ => (IAntiforgery)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
        }));
    }
}
