using System.Security.Claims;
using Bunit;
using EventHub.Core.Common;
using EventHub.Core.Tests.Dashboards;
using EventHub.Web.Features.Account;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EventHub.Web.Tests.Dashboards;

/// <summary>A bUnit context with MudBlazor, the figures and the live signal on the Core dashboard kit's real database.</summary>
public abstract class DashboardTestContext : BunitContext, IAsyncLifetime
{
    protected DashboardKit Kit { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Kit = await DashboardKit.CreateAsync();
        Services.AddSingleton(Kit.Figures);
        Services.AddSingleton(Kit.Services.Get<ILiveSignal>());
        Services.AddSingleton(Kit.Services.Get<EventHub.Core.Feedback.FeedbackService>());
        Services.AddScoped<CurrentActor>();
        await SeedAsync();
    }

    /// <summary>Writes the events and bookings the tests of a class read.</summary>
    protected abstract Task SeedAsync();

    protected void SignIn(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var auth = AddAuthorization();
        auth.SetAuthorized(actor.DisplayName);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId!), new Claim(EventHub.Core.Organisers.OrganiserClaims.DisplayName, actor.DisplayName));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await Kit.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
