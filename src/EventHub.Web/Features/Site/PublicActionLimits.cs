using System.Text.RegularExpressions;
using EventHub.Web.Features.Bookings;

namespace EventHub.Web.Features.Site;

/// <summary>
/// Rate limits on the public form posts: booking and "send my link again" (per event), mailing-list sign-up (per
/// series), poll votes and their confirmations (per poll link) and write-ups and taking notes from the board (per session), each per client address. Over the limit the post
/// never reaches the page: the answer is 429 with Retry-After and a page saying when to try again. Behind a reverse
/// proxy turn on EventHub:ForwardedHeaders, or every visitor shares the proxy's address.
/// </summary>
public static partial class PublicActionLimits
{
    public static IServiceCollection AddPublicActionLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<PublicActionLimiter>();
        return services;
    }

    public static IApplicationBuilder UsePublicActionLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && await ClassifyAsync(context.Request) is var (action, target))
        {
            var limiter = context.RequestServices.GetRequiredService<PublicActionLimiter>();
            if (!limiter.TryAcquire(action, context.Connection.RemoteIpAddress?.ToString(), target, out var wait))
            {
                await TooManyRequests.WritePageAsync(context, Describe(action), wait, context.RequestAborted);
                return;
            }
        }

        await next(context);
    });

    /// <summary>How the 429 page names what was done too often ("too many bookings from your network").</summary>
    public static string Describe(PublicAction action) => action switch
    {
        PublicAction.Booking => "booking attempts",
        PublicAction.ResendLink => "requests to send a booking link again",
        PublicAction.ListSignUp => "mailing list sign-ups",
        PublicAction.PollVote => "votes",
        PublicAction.WriteUp => "write-ups",
        PublicAction.Interest => "interest marks",
        PublicAction.Proposal => "session proposals",
        PublicAction.Upload => "uploads",
        _ => "attempts",
    };

    private static async Task<(PublicAction Action, string Target)?> ClassifyAsync(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        if (BookPath().Match(path) is { Success: true } book)
        {
            // "Send me my booking link again" is a button on the same form: its own, tighter limit.
            var resend = request.HasFormContentType
                && (await request.ReadFormAsync(request.HttpContext.RequestAborted))[BookingFormPost.Action] == BookingFormPost.Resend;
            return (resend ? PublicAction.ResendLink : PublicAction.Booking, "event:" + book.Groups[1].Value);
        }

        return ListPath().Match(path) is { Success: true } list ? (PublicAction.ListSignUp, "series:" + list.Groups[1].Value)
            : PollPath().Match(path) is { Success: true } poll ? (PublicAction.PollVote, "poll:" + poll.Groups[1].Value)
            : SessionPath().Match(path) is { Success: true } session ? (PublicAction.WriteUp, "session:" + session.Groups[1].Value + session.Groups[2].Value)
            : null;
    }

    [GeneratedRegex("^/events/([^/]+)/book/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BookPath();

    [GeneratedRegex("^/series/([^/]+)/mailing-list/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListPath();

    [GeneratedRegex("^/polls/(?:answers/|confirm/)?([^/]+)/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PollPath();

    // A session's write-ups, and taking its notes from the board (each take makes a notes link).
    [GeneratedRegex("^/events/[^/]+/(?:sessions/([0-9]+)|board/sessions/([0-9]+)/notes)/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SessionPath();
}
