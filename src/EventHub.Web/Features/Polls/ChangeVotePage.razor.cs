using EventHub.Core.Common;
using EventHub.Core.Polls;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventHub.Web.Features.Polls;

public partial class ChangeVotePage
{
    private VoterBallot? _ballot;
    private VoteInput _input = new();
    private IReadOnlyList<FieldError> _errors = [];
    private bool _saved;
    private bool _busy;
    private bool _missing;

    [Parameter]
    public string EditToken { get; set; } = string.Empty;

    [Inject]
    private PollVotingService Voting { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _ballot = await Voting.GetBallotAsync(EditToken);
        _missing = _ballot is null;
        if (_ballot is { } b)
        {
            _input = new VoteInput
            {
                Name = b.Name,
                Email = b.Email,
                Answers = b.Answers.ToDictionary(a => a.Key, a => (PollAnswer?)a.Value),
            };
        }
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var outcome = await Voting.ChangeVoteAsync(EditToken, _input);
            _saved = outcome.Succeeded;
            if (outcome.Succeeded)
            {
                _errors = [];
                _ballot = await Voting.GetBallotAsync(EditToken);
            }
            else
            {
                _errors = outcome.Errors;
                _ballot = await Voting.GetBallotAsync(EditToken) ?? _ballot;
                await JS.InvokeVoidAsync("eventHub.focusElement", ".error-summary");
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
