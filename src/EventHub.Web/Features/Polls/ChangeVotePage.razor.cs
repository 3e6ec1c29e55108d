using EventHub.Core.Common;
using EventHub.Core.Polls;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Polls;

public partial class ChangeVotePage
{
    private VoterBallot? _ballot;
    private VoteInput _input = new();
    private IReadOnlyList<FieldError> _errors = [];
    private bool _saved;
    private bool _missing;

    [Parameter]
    public string EditToken { get; set; } = string.Empty;

    /// <summary>"confirmed" after the vote's confirm link was used (Post/Redirect/Get from the confirm page).</summary>
    [SupplyParameterFromQuery(Name = "done")]
    public string? Done { get; set; }

    [Inject]
    private PollVotingService Voting { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

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
        if (_ballot is null || HttpContext is null)
        {
            return;
        }

        _input = VotingForm.Read(await HttpContext.Request.ReadFormAsync(), _ballot.Poll.Results.Options);
        var outcome = await Voting.ChangeVoteAsync(EditToken, _input);
        _saved = outcome.Succeeded;
        _errors = outcome.Errors;
        _ballot = await Voting.GetBallotAsync(EditToken) ?? _ballot;
    }
}
