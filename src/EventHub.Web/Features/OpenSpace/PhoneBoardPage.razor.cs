using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.NewsRoom;
using EventHub.Core.OpenSpace;
using EventHub.Web.Features.Account;
using EventHub.Web.Features.Site;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.OpenSpace;

/// <summary>
/// The public board on a phone: static HTML, kept fresh by a few lines of script on the board's change stream
/// (<see cref="OpenSpaceEndpoints"/>), and "I'd like to go" as a plain form handled by <see cref="InterestService"/>.
/// </summary>
public partial class PhoneBoardPage
{
    private const string SessionField = "SessionId";

    private IReadOnlyList<FieldError> _errors = [];
    private string? _name;
    private string? _email;
    private int? _postedSession;
    private IReadOnlyList<AnnouncementView> _news = [];

    [Parameter]
    public string Slug { get; set; } = string.Empty;

    /// <summary>The session whose "I'd like to go" form is open (from the link that opens it).</summary>
    [SupplyParameterFromQuery(Name = "interest")]
    public int? Interest { get; set; }

    /// <summary>Set by the redirect after interest was marked (Post/Redirect/Get).</summary>
    [SupplyParameterFromQuery(Name = "interested")]
    public int? Interested { get; set; }

    /// <summary>The room the reader chose to see alone (a GET form, so it works without script).</summary>
    [SupplyParameterFromQuery(Name = "room")]
    public int? Room { get; set; }

    [Inject]
    private BoardLayoutService Layout { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private InterestService Interests { get; set; } = default!;

    [Inject]
    private NewsService News { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private PublicActionLimiter Limits { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [CascadingParameter]
    private ClientAddress? Client { get; set; }

    private BoardView? Board { get; set; }

    private int? InterestSession => _postedSession ?? Interest;

    private DateTime Now { get; set; }

    private BoardRoom? ShownRoom(BoardView board) => Room is { } id ? board.Rooms.FirstOrDefault(r => r.Id == id) : null;

    /// <summary>
    /// Where the "now" line goes while the board's day runs: before the slot on now, or between slots before the next
    /// one. Before the first slot starts and after the last one ends there is none.
    /// </summary>
    private BoardSlotView? NowLineBefore(BoardView board) =>
        board.Slots.Count > 0 && board.Slots[0].StartUtc <= Now ? board.Slots.FirstOrDefault(s => s.EndUtc > Now) : null;

    /// <summary>The board's change stream: one message each time the board changes.</summary>
    public static string ChangesPath(string slug) => $"/events/{Uri.EscapeDataString(slug)}/board/changes";

    private string InterestPath(int sessionId) =>
        $"/events/{Uri.EscapeDataString(Slug)}/board?interest={sessionId.ToString(CultureInfo.InvariantCulture)}#session-{sessionId.ToString(CultureInfo.InvariantCulture)}";

    protected override async Task OnParametersSetAsync()
    {
        Now = Clock.GetUtcNow().UtcDateTime;
        Board = await Layout.GetBoardAsync(await CurrentActor.GetAsync(), Slug);
        if (Board is null)
        {
            Navigation.NotFound();
            return;
        }

        _news = await News.ReadAsync(Board.EventId, latest: 5);
    }

    private string? Message(BoardView board) =>
        _errors.Count == 0 && board.Cells.FirstOrDefault(c => c.SessionId == Interested) is { } cell
            ? $"Thank you. You are down as interested in “{cell.Title}”."
            : null;

    private async Task MarkAsync()
    {
        if (HttpContext is null)
        {
            return;
        }

        var posted = await HttpContext.Request.ReadFormAsync();
        if (!int.TryParse(posted[SessionField].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var sessionId))
        {
            return;
        }

        var prefix = $"interest-{sessionId.ToString(CultureInfo.InvariantCulture)}-";
        _postedSession = sessionId;
        _name = posted[prefix + "Name"].FirstOrDefault();
        _email = posted[prefix + "Email"].FirstOrDefault();
        if (Limits.Refuse(PublicAction.Interest, Client, $"session:{sessionId.ToString(CultureInfo.InvariantCulture)}") is { } tooMany)
        {
            _errors = [new FieldError(string.Empty, tooMany)];
            return;
        }

        var outcome = await Interests.MarkInterestAsync(sessionId, _name, _email);
        if (outcome.Succeeded)
        {
            Navigation.NavigateTo($"/events/{Uri.EscapeDataString(Slug)}/board?interested={sessionId.ToString(CultureInfo.InvariantCulture)}#session-{sessionId.ToString(CultureInfo.InvariantCulture)}");
            return;
        }

        _errors = outcome.Errors;
    }
}
