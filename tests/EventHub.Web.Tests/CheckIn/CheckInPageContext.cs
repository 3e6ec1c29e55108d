using System.Security.Claims;
using Bunit;
using EventHub.Core.Common;
using EventHub.Core.Tests.CheckIn;
using EventHub.Web.Features.Account;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EventHub.Web.Tests.CheckIn;

/// <summary>
/// The bUnit set-up of the organisers' check-in pages: MudBlazor, a check-in kit on a real database with its event,
/// the event service and the clock, and signing in as an organiser. Each test class adds the service its page uses.
/// </summary>
public abstract class CheckInPageContext : BunitContext, IAsyncLifetime
{
    protected CheckInKit Kit { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Kit = await CheckInKit.CreateAsync();
        Services.AddSingleton(new EventHub.Core.Events.EventService(Kit.Booking.Database, Kit.Booking.Clock));
        Services.AddSingleton<TimeProvider>(Kit.Booking.Clock);
        Services.AddScoped<CurrentActor>();
        AddPageServices(Kit);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await Kit.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The services of the page under test, from the kit.</summary>
    protected abstract void AddPageServices(CheckInKit kit);

    protected void SignIn(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var auth = AddAuthorization();
        auth.SetAuthorized(actor.DisplayName);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId!), new Claim(EventHub.Core.Organisers.OrganiserClaims.DisplayName, actor.DisplayName));
    }
}
