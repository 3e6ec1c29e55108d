using EventHub.Core.Common;
using EventHub.Core.Polls;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Polls;

public partial class VotePage
{
    private PollView? _poll;
    private VoteInput _input = new();
    private IReadOnlyList<FieldError> _errors = [];
    private VoteReceipt? _receipt;

    [Parameter]
    public string Token { get; set; } = string.Empty;

    [Inject]
    private PollVotingService Voting { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _poll = await Voting.GetByTokenAsync(Token);
        if (_poll is null)
        {
            Navigation.NotFound();
        }
    }

    private string PrivateLink(string editToken) => Navigation.ToAbsoluteUri(PollRoutes.ChangeAnswers(editToken)).ToString();

    private async Task VoteAsync()
    {
        if (_poll is null || HttpContext is null)
        {
            return;
        }

        _input = VotingForm.Read(await HttpContext.Request.ReadFormAsync(), _poll.Results.Options);
        var outcome = await Voting.VoteAsync(Token, _input);
        _poll = await Voting.GetByTokenAsync(Token);
        if (outcome.Succeeded)
        {
            _errors = [];
            _receipt = outcome.Value;
            _input = new VoteInput();
        }
        else
        {
            _errors = outcome.Errors;
        }
    }
}
