using EventHub.Core.Common;
using EventHub.Core.Events;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Events.Organiser;

/// <summary>An organiser changes an event's details; one with no place on its teams gets the not-found page.</summary>
public partial class EventEditPage
{
    private EventInput? _input;
    private IReadOnlyList<FieldError> _errors = [];
    private IReadOnlyList<SeriesSummary> _series = [];

    [Inject]
    private SeriesService SeriesService { get; set; } = default!;

    protected override async Task OnEventLoadedAsync(EventDetail detail)
    {
        _series = await SeriesService.ListAsync(Actor);
        _input = EventInput.From(detail.Event);
    }
}
