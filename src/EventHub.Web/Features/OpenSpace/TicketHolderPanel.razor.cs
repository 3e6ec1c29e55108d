using System.Globalization;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Web.Features.Site;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.OpenSpace;

/// <summary>
/// A ticket holder's proposals and interest on their manage page. Each form posts to the page; on success the panel
/// redirects back with the proposal or session it changed in the address (Post/Redirect/Get) and says what happened.
/// </summary>
public partial class TicketHolderPanel
{
    private const string InterestField = "interest";

    private TicketHolderBoard? _board;
    private IReadOnlyList<FieldError> _errors = [];
    private IReadOnlyList<FieldError> _withdrawErrors = [];
    private string _title = string.Empty;
    private string _convener = string.Empty;
    private string _description = string.Empty;
    private bool _credit;

    [Parameter, EditorRequired]
    public string Token { get; set; } = string.Empty;

    /// <summary>Set by the redirect after a proposal: the proposal made.</summary>
    [SupplyParameterFromQuery(Name = "proposed")]
    public int? Proposed { get; set; }

    /// <summary>Set by the redirect after "I'd like to go": the session marked.</summary>
    [SupplyParameterFromQuery(Name = "interested")]
    public int? Interested { get; set; }

    /// <summary>Set by the redirect after clearing "I'd like to go": the session cleared.</summary>
    [SupplyParameterFromQuery(Name = "not-interested")]
    public int? NotInterested { get; set; }

    /// <summary>Set by the redirect after the holder withdrew their name from their proposals.</summary>
    [SupplyParameterFromQuery(Name = "name-withdrawn")]
    public bool NameWithdrawn { get; set; }

    [Inject]
    private TicketHolderBoardService Holders { get; set; } = default!;

    [Inject]
    private EventHub.Core.Proceedings.CreditService Credits { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private PublicActionLimiter Limits { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [CascadingParameter]
    private ClientAddress? Client { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _board = await Holders.GetAsync(Token);
        if (_board is not null && string.IsNullOrEmpty(_convener))
        {
            _convener = _board.ConvenerName;
        }
    }

    private string? Message(TicketHolderBoard board) =>
        _errors.Count > 0 || _withdrawErrors.Count > 0 ? null
        : NameWithdrawn ? $"Your name is withdrawn: your sessions now name you as “{Credit.Participant}”."
        : board.Proposals.FirstOrDefault(p => p.Id == Proposed) is { } proposal
            ? $"Thank you. “{proposal.Title}” is in the pitch queue. Come to the pitch desk on the day to say a few words about it."
        : board.Sessions.FirstOrDefault(s => s.SessionId == Interested) is { } marked
            ? $"You are down as interested in “{marked.Title}”. We will tell you if it moves."
        : board.Sessions.FirstOrDefault(s => s.SessionId == NotInterested) is { } cleared
            ? $"You are no longer down as interested in “{cleared.Title}”."
        : null;

    private async Task ProposeAsync()
    {
        var posted = await PostedAsync();
        _title = posted["proposal-Title"].FirstOrDefault() ?? string.Empty;
        _convener = posted["proposal-ConvenerName"].FirstOrDefault() ?? string.Empty;
        _description = posted["proposal-Description"].FirstOrDefault() ?? string.Empty;
        _credit = posted["proposal-CreditByName"].Contains("true");
        if (Limits.Refuse(PublicAction.Proposal, Client, $"event:{_board?.EventId}") is { } tooMany)
        {
            _errors = [new FieldError(string.Empty, tooMany)];
            return;
        }

        var outcome = await Holders.ProposeAsync(Token, new ProposalInput(_title, _convener, _description, _credit));
        if (outcome.Succeeded)
        {
            Navigation.NavigateTo($"{ManageRoutes.Manage(Token)}?proposed={outcome.Value!.Id}#holder-board");
            return;
        }

        _errors = outcome.Errors;
    }

    private async Task SetInterestAsync()
    {
        var value = (await PostedAsync())[InterestField].FirstOrDefault() ?? string.Empty;
        var interested = value.StartsWith("on:", StringComparison.Ordinal);
        if (!int.TryParse(value.AsSpan(value.IndexOf(':', StringComparison.Ordinal) + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sessionId))
        {
            return;
        }

        if (Limits.Refuse(PublicAction.Interest, Client, $"session:{sessionId.ToString(CultureInfo.InvariantCulture)}") is { } tooMany)
        {
            _errors = [new FieldError(string.Empty, tooMany)];
            return;
        }

        var outcome = await Holders.SetInterestAsync(Token, sessionId, interested);
        if (outcome.Succeeded)
        {
            Navigation.NavigateTo($"{ManageRoutes.Manage(Token)}?{(interested ? "interested" : "not-interested")}={sessionId}#holder-board");
            return;
        }

        _errors = outcome.Errors;
        _board = await Holders.GetAsync(Token);
    }

    private async Task WithdrawNameAsync()
    {
        var confirmed = (await PostedAsync())["Confirm"].Contains("true");
        var outcome = await Credits.WithdrawProposerNameAsync(Token, confirmed);
        if (outcome.Succeeded)
        {
            Navigation.NavigateTo($"{ManageRoutes.Manage(Token)}?name-withdrawn=true#holder-board");
            return;
        }

        _withdrawErrors = outcome.Errors;
    }

    private static string InterestValue(int sessionId, bool interested) =>
        (interested ? "on:" : "off:") + sessionId.ToString(CultureInfo.InvariantCulture);

    private async Task<IFormCollection> PostedAsync() =>
        HttpContext is { } http ? await http.Request.ReadFormAsync() : FormCollection.Empty;
}
