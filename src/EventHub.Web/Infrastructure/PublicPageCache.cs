using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace EventHub.Web.Infrastructure;

/// <summary>
/// Output caching of the public read pages, so a rush of readers costs one render per change rather than one per
/// visit. Only an anonymous GET of one of <see cref="Routes"/> is cached, tagged by its event or series slug
/// (<c>event:</c>, <c>series:</c>) or as a listing, and <see cref="PublicPageEviction"/> forgets the tagged pages when
/// the live signal says something they show changed, on every node. Never cached: a request with a cookie other than
/// antiforgery's (a signed-in organiser sees their own header), or a response that sets a cookie or says no-store
/// (the antiforgery token of a form says so: a session page, with its write-up form, is left out), or anything but a 200. A minute is the longest any page is kept, for what
/// changes with the clock alone (an event dropping off the upcoming list when it ends).
/// </summary>
public sealed class PublicPageCache : IOutputCachePolicy
{
    public const string Listings = "listings";

    /// <summary>
    /// The route patterns of the cached pages: none holds a form (see <see cref="PublicPageAntiforgery"/>). A session
    /// page is not among them: it has the write-up form, whose token must pair with the visitor's own cookie.
    /// </summary>
    public static readonly IReadOnlySet<string> Routes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/", "/archive", "/events/{Slug}", "/events/{Slug}/proceedings", "/series/{Slug}", "/series/{Slug}/archive",
        Features.Events.TagRoutes.Page, Features.Events.EmbedRoutes.Events,
    };

    public static readonly TimeSpan LongestKept = TimeSpan.FromMinutes(1);

    public static string EventTag(string slug) => "event:" + slug;

    public static string SeriesTag(string slug) => "series:" + slug;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            || http.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } pattern }
            || !Routes.Contains(pattern))
        {
            return ValueTask.CompletedTask;
        }

        var anonymous = http.User.Identity?.IsAuthenticated != true
            && !http.Request.Headers.ContainsKey(HeaderNames.Authorization)
            && http.Request.Cookies.Keys.All(name => name.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        context.EnableOutputCaching = true;
        if (anonymous)
        {
            PublicPageAntiforgery.MarkCached(http);
        }

        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true; // A rush of misses for one page waits for one render.
        context.ResponseExpirationTimeSpan = LongestKept;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByHost = true;
        // Blazor's enhanced navigation asks for the same page with its own Accept header: keep the two apart.
        var enhanced = http.Request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal);
        context.CacheVaryByRules.VaryByValues["nav"] = enhanced ? "enhanced" : "full";

        var slug = http.GetRouteValue("Slug") as string;
        if (slug is null)
        {
            context.Tags.Add(Listings);
        }
        else if (pattern.StartsWith("/series/", StringComparison.Ordinal))
        {
            context.Tags.Add(SeriesTag(slug));
        }
        else
        {
            context.Tags.Add(EventTag(slug));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

public static class PublicPageCacheExtensions
{
    /// <summary>
    /// Output caching of the public read pages and its eviction through the live signal; off with
    /// <c>EventHub:OutputCache:Enabled=false</c> (to measure without it, or to rule it out).
    /// </summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("EventHub:OutputCache:Enabled", true))
        {
            services.AddOutputCache();
            return services;
        }

        services.AddOutputCache(options => options.AddBasePolicy(new PublicPageCache()));
        PublicPageAntiforgery.Register(services);
        services.AddHostedService<PublicPageEviction>();
        return services;
    }
}
