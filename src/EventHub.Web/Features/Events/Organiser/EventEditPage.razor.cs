using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventHub.Web.Features.Events.Organiser;

public partial class EventEditPage
{
    private EventInput? _input;
    private IReadOnlyList<FieldError> _errors = [];
    private IReadOnlyList<SeriesSummary> _series = [];
    private bool _busy;

    [Parameter]
    public int? Id { get; set; }

    [SupplyParameterFromQuery(Name = "series")]
    public int? SeriesId { get; set; }

    [Inject]
    private EventService Events { get; set; } = default!;

    [Inject]
    private SeriesService SeriesService { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var actor = await CurrentActor.GetAsync();
        _series = await SeriesService.ListAsync(actor);
        if (Id is { } id)
        {
            var detail = await Events.GetAsync(actor, id);
            if (detail is null)
            {
                Navigation.NotFound();
                return;
            }

            _input = EventInput.From(detail.Event);
        }
        else
        {
            _input = new EventInput { SeriesId = SeriesId, Capacity = 80 };
        }
    }

    private async Task SaveAsync()
    {
        if (_input is null || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var actor = await CurrentActor.GetAsync();
            var outcome = Id is { } id ? await Events.UpdateAsync(actor, id, _input) : await Events.CreateAsync(actor, _input);
            if (!outcome.Succeeded)
            {
                // The input object is kept as typed; only the errors change.
                _errors = outcome.Errors;
                return;
            }

            _errors = [];
            Snackbar.Add(Id is null ? $"Event \"{outcome.Value!.Title}\" created as a draft." : "Changes saved.", Severity.Success);
            Navigation.NavigateTo($"/organiser/events/{outcome.Value!.Id}");
        }
        finally
        {
            _busy = false;
        }
    }
}
