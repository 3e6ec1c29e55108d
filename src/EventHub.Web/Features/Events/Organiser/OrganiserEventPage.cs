using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Events.Organiser;

/// <summary>
/// The opening every organiser page about one event shares (<c>/organiser/events/{Id}/…</c>): the route's event id,
/// the signed-in actor and the event, with a real 404 when the event does not exist or the actor may not see it.
/// A page inherits it (<c>@inherits OrganiserEventPage</c>) and does its own loading in <see cref="OnEventLoadedAsync"/>.
/// </summary>
public abstract class OrganiserEventPage : ComponentBase
{
    [Parameter]
    public int Id { get; set; }

    /// <summary>The event and its rooms and sessions; null until loaded, and on a page that answered 404.</summary>
    protected EventDetail? Detail { get; private set; }

    /// <summary>Who opened the page, as of the last load.</summary>
    protected Actor Actor { get; private set; } = Actor.Anonymous;

    [Inject]
    protected EventService Events { get; set; } = default!;

    [Inject]
    protected CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        await LoadEventAsync();
        if (Detail is null)
        {
            Navigation.NotFound();
            return;
        }

        await OnEventLoadedAsync(Detail);
    }

    /// <summary>Reads the event again (after a change the page made to it).</summary>
    protected async Task LoadEventAsync()
    {
        Actor = await CurrentActor.GetAsync();
        Detail = await Events.GetAsync(Actor, Id);
    }

    /// <summary>The page's own loading, once the event is known to exist.</summary>
    protected virtual Task OnEventLoadedAsync(EventDetail detail) => Task.CompletedTask;
}
