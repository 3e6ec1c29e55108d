using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Polls;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventHub.Web.Features.Polls;

public partial class PollCreatePage
{
    private readonly PollInput _input = new();
    private IReadOnlyList<FieldError> _errors = [];
    private IReadOnlyList<SeriesSummary> _series = [];
    private bool _busy;

    [Inject]
    private PollSetupService Polls { get; set; } = default!;

    [Inject]
    private SeriesService Series { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private static IReadOnlyList<(string, string)> ZoneChoices => EventTime.CommonZoneIds.Select(z => (z, z)).ToList();

    private IReadOnlyList<(string, string)> SeriesChoices =>
        [(string.Empty, "No series"), .. _series.Select(s => (s.Id.ToString(CultureInfo.InvariantCulture), s.Name))];

    protected override async Task OnInitializedAsync() => _series = await Series.ListAsync(await CurrentActor.GetAsync());

    private void SetSeries(string value) =>
        _input.SeriesId = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A start with no end yet gets a two-hour end, which is what most meet-ups need.</summary>
    private static void SetStart(PollOptionInput option, DateTime? start)
    {
        option.StartLocal = start;
        if (start is { } s && option.EndLocal is null)
        {
            option.EndLocal = s.AddHours(2);
        }
    }

    /// <summary>A new date starts as a copy of the last one a week later, so weekly choices are quick to add.</summary>
    private void AddDate()
    {
        var last = _input.Options.LastOrDefault();
        _input.Options.Add(new PollOptionInput { StartLocal = last?.StartLocal?.AddDays(7), EndLocal = last?.EndLocal?.AddDays(7) });
    }

    private async Task CreateAsync()
    {
        _busy = true;
        try
        {
            var outcome = await Polls.CreateAsync(await CurrentActor.GetAsync(), _input);
            if (outcome.Succeeded)
            {
                Navigation.NavigateTo($"/organiser/polls/{outcome.Value!.Id}");
                return;
            }

            _errors = outcome.Errors;
            await JS.InvokeVoidAsync("eventHub.focusElement", ".error-summary");
        }
        finally
        {
            _busy = false;
        }
    }
}
