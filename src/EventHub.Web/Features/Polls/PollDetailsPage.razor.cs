using EventHub.Core.Common;
using EventHub.Core.Polls;
using EventHub.Web.Components.Shared;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Polls;

public partial class PollDetailsPage
{
    private PollDetail? _detail;
    private int? _optionId;
    private int? _capacity;
    private bool _confirming;
    private bool _busy;
    private IReadOnlyList<FieldError> _errors = [];
    private IReadOnlyList<FieldError> _voteRuleErrors = [];
    private bool _confirmVotesByEmail;
    private string? _voteRuleMessage;

    private static readonly IReadOnlyList<ChoiceOption<bool>> VoteRules =
    [
        new(false, "Every answer counts", TestId: "vote-rule-open"),
        new(true, "One vote per email address, confirmed by a link we email to the voter", TestId: "vote-rule-confirm"),
    ];

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private PollSetupService Polls { get; set; } = default!;

    [Inject]
    private PollFinalisingService Finalising { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        if (_detail is null)
        {
            Navigation.NotFound();
            return;
        }

        _confirmVotesByEmail = _detail.View.ConfirmVotesByEmail;

        // The most popular date is preselected; with no answers yet, the earliest.
        var options = _detail.View.Results.Options;
        _optionId ??= _detail.View.Results.MostPopularOptionId ?? (options.Count > 0 ? options[0].OptionId : null);
    }

    private async Task LoadAsync() => _detail = await Polls.GetAsync(await CurrentActor.GetAsync(), Id);

    private string ShareLink(string token) => Navigation.ToAbsoluteUri(PollRoutes.Vote(token)).ToString();

    private static string ChosenLabel(PollView poll) =>
        poll.Results.Options.FirstOrDefault(o => o.OptionId == poll.ChosenOptionId)?.Label ?? "a date";

    private async Task SaveVoteRuleAsync()
    {
        _busy = true;
        try
        {
            var outcome = await Polls.SetConfirmVotesByEmailAsync(await CurrentActor.GetAsync(), Id, _confirmVotesByEmail);
            _voteRuleErrors = outcome.Succeeded ? [] : outcome.Errors;
            _voteRuleMessage = !outcome.Succeeded ? null
                : _confirmVotesByEmail ? "Saved. New votes need an email address and count once confirmed from the link we email."
                : "Saved. Every new answer counts at once.";
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Review()
    {
        if (_optionId is null)
        {
            _errors = [new FieldError(nameof(FinaliseRequest.OptionId), "Select the date for the event")];
            return;
        }

        _errors = [];
        _confirming = true;
    }

    private async Task FinaliseAsync()
    {
        _busy = true;
        try
        {
            var outcome = await Finalising.FinaliseAsync(await CurrentActor.GetAsync(), new FinaliseRequest(Id, _optionId!.Value, _capacity));
            _confirming = false;
            _errors = outcome.Succeeded ? [] : outcome.Errors;
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The dates as radios; the first keeps the field's id so the error summary's link lands on it.</summary>
    private static List<ChoiceOption<int?>> DateChoices(IReadOnlyList<OptionResult> options) =>
        options.Select((o, i) => new ChoiceOption<int?>(
            o.OptionId,
            $"{o.Label} ({o.Yes} yes, {o.IfNeedBe} if need be){(o.IsMostPopular ? " – most popular" : null)}",
            Id: i == 0 ? null : $"choose-{o.OptionId}",
            TestId: $"choose-{o.OptionId}")).ToList();
}
