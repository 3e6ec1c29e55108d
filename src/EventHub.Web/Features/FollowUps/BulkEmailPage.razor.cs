using EventHub.Core.Common;
using EventHub.Core.FollowUps;
using EventHub.Core.Events;
using EventHub.Web.Components.Shared;
using EventHub.Web.Features.Account;
using EventHub.Web.Features.Events.Organiser;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.FollowUps;

/// <summary>Write to an event's attendees or waiting list: write, check, send (with progress), done.</summary>
public partial class BulkEmailPage : OrganiserEventPage
{
    private readonly BulkEmailInput _input = new();
    private Step _step = Step.Write;
    private IReadOnlyList<FieldError> _errors = [];
    private BulkEmailPreview? _preview;
    private BulkEmailProgress _progress = new(0, 0);
    private IReadOnlyList<BulkEmail> _sent = [];
    private string? _eventTitle;

    private enum Step
    {
        Write,
        Check,
        Sending,
        Done,
    }

    [Inject]
    private BulkEmailService Bulk { get; set; } = default!;

    private double Percent => _progress.Total == 0 ? 100 : 100.0 * _progress.Queued / _progress.Total;

    private string AudienceText => _input.Audience == BulkAudience.Confirmed ? "everyone with a confirmed place" : "everyone on the waiting list";

    private static string Recipients(int n) => n == 1 ? "1 person" : $"{n:N0} people";

    protected override async Task OnEventLoadedAsync(EventDetail detail)
    {
        _eventTitle = detail.Event.Title;
        _sent = await Bulk.SentAsync(Actor, Id);
    }

    private async Task CheckAsync()
    {
        var outcome = await Bulk.PreviewAsync(await CurrentActor.GetAsync(), Id, _input);
        _errors = outcome.Errors;
        if (outcome.Succeeded)
        {
            _preview = outcome.Value;
            _step = Step.Check;
        }
    }

    private async Task SendAsync()
    {
        var actor = await CurrentActor.GetAsync();
        _step = Step.Sending;
        _progress = new BulkEmailProgress(0, _preview?.Recipients ?? 0);

        // Reported after each batch; re-render from the renderer's thread so the bar moves while the rest are queued.
        var progress = new Progress<BulkEmailProgress>(p =>
        {
            _progress = p;
            _ = InvokeAsync(StateHasChanged);
        });
        var outcome = await Task.Run(() => Bulk.SendAsync(actor, Id, _input, progress));
        _errors = outcome.Errors;
        if (outcome.Succeeded)
        {
            _sent = await Bulk.SentAsync(actor, Id);
            _progress = new BulkEmailProgress(_sent.FirstOrDefault(m => m.Id == outcome.Value)?.Queued ?? _progress.Queued, _progress.Total);
            _step = Step.Done;
        }
        else
        {
            _step = Step.Write;
        }
    }

    private void StartAgain()
    {
        (_input.Subject, _input.Body) = (string.Empty, string.Empty);
        _preview = null;
        _errors = [];
        _step = Step.Write;
    }

    private static readonly IReadOnlyList<ChoiceOption<BulkAudience>> AudienceChoices =
    [
        new(BulkAudience.Confirmed, "Everyone with a confirmed place", TestId: "audience-confirmed"),
        new(BulkAudience.Waiting, "Everyone on the waiting list (including people offered a place)", TestId: "audience-waiting"),
    ];
}
