using EventHub.Core.Common;
using EventHub.Core.Polls;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventHub.Web.Features.Polls;

public partial class VotePage
{
    private PollView? _poll;
    private VoteInput _input = new();
    private IReadOnlyList<FieldError> _errors = [];
    private VoteReceipt? _receipt;
    private bool _busy;

    [Parameter]
    public string Token { get; set; } = string.Empty;

    [Inject]
    private PollVotingService Voting { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

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
        _busy = true;
        try
        {
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
                await JS.InvokeVoidAsync("eventHub.focusElement", ".error-summary");
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
