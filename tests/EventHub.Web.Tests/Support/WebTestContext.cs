using System.Security.Claims;
using Bunit;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Account;
using EventHub.Web.Features.Site;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EventHub.Web.Tests.Support;

/// <summary>
/// A bUnit context with MudBlazor and the real Core services on a real SQLite file (with migrations).
/// <see cref="SignInAsOrganiser"/> sets the authentication state the pages turn into an Actor.
/// </summary>
public abstract class WebTestContext : BunitContext, IAsyncLifetime
{
    protected CoreServices Core { get; private set; } = default!;

    /// <summary>Public-action rate limits for this test's pages: off unless a test turns them on.</summary>
    protected RateLimitOptions RateLimits { get; } = new() { Enabled = false };

    public async ValueTask InitializeAsync()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Core = await CoreServices.CreateAsync(configure: s => s.AddPrivacy());
        // Hand the Core singletons to the component container.
        foreach (var descriptor in CoreServiceTypes)
        {
            var type = descriptor;
            Services.AddSingleton(type, _ => Core.Provider.GetRequiredService(type));
        }

        // The manage page hosts the Open Space panel for ticket holders, which follows the live board.
        Services.AddSingleton(_ => Core.Provider.GetRequiredService<EventHub.Core.Common.ILiveSignal>());
        Services.AddSingleton(sp => new EventHub.Core.OpenSpace.TicketHolderBoardService(Core.Database,
            new EventHub.Core.OpenSpace.PitchQueueService(Core.Database, Core.Clock, sp.GetRequiredService<EventHub.Core.Common.ILiveSignal>()),
            new EventHub.Core.OpenSpace.InterestService(Core.Database, Core.Clock, sp.GetRequiredService<EventHub.Core.Common.ILiveSignal>()),
            Core.Clock));
        // ... and lets a credited proposer withdraw their name there.
        Services.AddSingleton(_ => new EventHub.Core.Proceedings.CreditService(Core.Database,
            new EventHub.Core.OpenSpace.SessionConveners(new EventHub.Core.Proceedings.SessionNotesLinks(Core.Clock), Core.Clock)));
        // The manage page offers the feedback form once the event has started.
        Services.AddSingleton(_ => new EventHub.Core.Feedback.FeedbackService(Core.Database, Core.Clock));
        // The event page's "after the event" part reads the published proceedings.
        Services.AddSingleton(_ => new EventHub.Core.Proceedings.ProceedingsService(Core.Database, Core.Clock));
        Services.AddSingleton(_ => new EventHub.Core.Proceedings.WriteUpService(Core.Database, Core.Clock));
        // Event pages and every list of events count online places apart from the room's.
        Services.AddSingleton(_ => new EventHub.Core.Bookings.OnlinePlaces(Core.Database));
        // Event pages and the booking form show the eligibility rule up front.
        Services.AddSingleton(_ => new EventHub.Core.Bookings.EligibilityNotice(Core.Database));
        Services.AddScoped<CurrentActor>();
        // Read when a page first asks, so a test can lower RateLimits before it renders.
        Services.AddSingleton(_ => new PublicActionLimiter(Microsoft.Extensions.Options.Options.Create(RateLimits)));
        Services.AddOptions<EventHub.Core.Common.SiteSettings>();
        await OnInitializedAsync();
    }

    protected virtual Task OnInitializedAsync() => Task.CompletedTask;

    private static readonly Type[] CoreServiceTypes =
    [
        typeof(EventHub.Core.Events.EventService), typeof(EventHub.Core.Events.SeriesService), typeof(EventHub.Core.Events.PublicEvents),
        typeof(EventHub.Core.Events.EditionCopyService), typeof(EventHub.Core.Events.AgendaService), typeof(EventHub.Core.Privacy.PrivacyNotices),
        typeof(EventHub.Core.Privacy.RetentionService),
        typeof(TimeProvider),
    ];

    protected void SignInAsOrganiser(string userId = "organiser-1", string name = "Olive Organiser")
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(EventHub.Core.Organisers.OrganiserClaims.DisplayName, name));
    }

    /// <summary>Signs in an administrator, who may open every event: for page tests on events seeded with no team.</summary>
    protected void SignInAsAnAdministrator(string userId = "admin-1", string name = "Ada Admin")
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, userId),
            new Claim(EventHub.Core.Organisers.OrganiserClaims.DisplayName, name),
            new Claim(EventHub.Core.Organisers.OrganiserClaims.Administrator, "true"));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await Core.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
