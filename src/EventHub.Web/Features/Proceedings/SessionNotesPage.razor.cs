using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.Proceedings;
using EventHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Proceedings;

/// <summary>
/// Session notes through the private link, rendered statically. Saving the notes, hiding the convener's name and adding
/// a link are plain form posts handled here; a success redirects back with a <see cref="Done"/> word (Post/Redirect/Get),
/// a refusal shows the error summary with what was typed. Uploads post to <see cref="NotesEndpoints"/>, which redirects
/// back with <see cref="UploadErrorCode"/> when it refused the file.
/// </summary>
public partial class SessionNotesPage
{
    private const string NotesPrefix = "notes-";
    private const string LinkPrefix = "link-";
    private const string UploadPrefix = "upload-";
    private const string WithdrawPrefix = WithdrawNameForm.IdPrefix;

    private static readonly Dictionary<string, string> DoneMessages = new(StringComparer.Ordinal)
    {
        ["saved"] = "Your notes are saved.",
        ["name-hidden"] = "The convener’s name will be left out of the published proceedings.",
        ["name-shown"] = "The convener’s name will show in the published proceedings.",
        ["name-withdrawn"] = $"Your name is withdrawn. The session now shows “{Credit.Participant}” as its convener.",
        ["link"] = "The link is added.",
        ["uploaded"] = "The file is uploaded.",
        ["link-for-approval"] = "The link is added. It will show in the proceedings once an organiser has approved it.",
        ["uploaded-for-approval"] = "The file is uploaded. It will show in the proceedings once an organiser has approved it.",
    };

    private NotesPage? _page;
    private NotesInput _input = new();
    private bool _hideName;
    private int _revision;
    private string _status = string.Empty;
    private IReadOnlyList<FieldError> _errors = [];
    private string _errorPrefix = NotesPrefix;
    private string? _linkTitle;
    private string? _linkUrl;
    private bool _loaded;

    [Parameter]
    public string Token { get; set; } = string.Empty;

    /// <summary>Set by the redirect after a form was posted: what happened.</summary>
    [SupplyParameterFromQuery(Name = "done")]
    public string? Done { get; set; }

    /// <summary>Set by the upload endpoint's redirect when it refused the file: the refusal's code in the catalogue.</summary>
    [SupplyParameterFromQuery(Name = "upload-error")]
    public string? UploadErrorCode { get; set; }

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private NotesService Notes { get; set; } = default!;

    [Inject]
    private MaterialService Materials { get; set; } = default!;

    [Inject]
    private CreditService Credits { get; set; } = default!;

    private EditorKey Key => NotesEndpoints.Key(Token);

    private string? Message => _errors.Count == 0 && Done is not null && DoneMessages.TryGetValue(Done, out var message) ? message : null;

    private string? NotesError(string field) => _errorPrefix == NotesPrefix ? _errors.For(field) : null;

    private string? LinkError(string field) => _errorPrefix == LinkPrefix ? _errors.For(field) : null;

    private string? WithdrawError => _errorPrefix == WithdrawPrefix ? _errors.For("Confirm") : null;

    private string? UploadError => _errorPrefix == UploadPrefix ? _errors.For("File") : null;

    protected override async Task OnParametersSetAsync()
    {
        _page = await Notes.GetAsync(Key);
        _loaded = true;
        if (_page is null)
        {
            // The page shows the one invalid-link answer (HTTP 404), as every private link does.
            return;
        }

        _input = new NotesInput
        {
            Convener = _page.Convener,
            Participants = _page.Participants,
            ParticipantsConsented = _page.Participants.Length > 0,
            KeyPoints = _page.KeyPoints,
            Actions = _page.Actions,
            Links = _page.Links,
        };
        _hideName = _page.HideConvenerName;
        _revision = _page.Revision;
        _status = _page.LastSavedUtc is { } saved ? NotesStatus.SavedAt(saved, _page.TimeZoneId) : NotesStatus.NotEdited;
        if (ProceedingsErrors.UploadRefusal(UploadErrorCode, _page.MaxUploadBytes, _page.MaxFilesPerSession, _page.MaxFilesPerLink) is { } refused)
        {
            _errorPrefix = UploadPrefix;
            _errors = [new FieldError("File", refused.Message)];
        }
    }

    /// <summary>
    /// The Save button without script: saves the posted fields against the revision the form was rendered with (someone
    /// else's save in between is refused, not overwritten).
    /// </summary>
    private async Task SaveAsync()
    {
        var posted = await PostedAsync();
        _input = new NotesInput
        {
            Convener = posted["Convener"].FirstOrDefault(),
            Participants = posted["Participants"].FirstOrDefault(),
            ParticipantsConsented = posted["ParticipantsConsented"].Contains("true"),
            KeyPoints = posted["KeyPoints"].FirstOrDefault(),
            Actions = posted["Actions"].FirstOrDefault(),
            Links = posted["Links"].FirstOrDefault(),
            BaseRevision = int.TryParse(posted["BaseRevision"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null,
        };
        // What was typed goes back into the form as typed, including the revision it was based on.
        _revision = _input.BaseRevision ?? _revision;
        After(await Notes.SaveNotesAsync(Key, _input), "saved", NotesPrefix);
    }

    private async Task HideNameAsync()
    {
        _hideName = (await PostedAsync())["HideName"].Contains("true");
        After(await Notes.SetConvenerNameHiddenAsync(Key, _hideName), _hideName ? "name-hidden" : "name-shown", NotesPrefix);
    }

    private async Task WithdrawNameAsync()
    {
        var confirmed = (await PostedAsync())["Confirm"].Contains("true");
        After(await Credits.WithdrawConvenerNameAsync(Key, confirmed), "name-withdrawn", WithdrawPrefix);
    }

    private async Task AddLinkAsync()
    {
        var posted = await PostedAsync();
        _linkTitle = posted["link-Title"].FirstOrDefault();
        _linkUrl = posted["link-Url"].FirstOrDefault();
        var outcome = await Materials.AddLinkAsync(Key, _linkTitle, _linkUrl);
        After(outcome, outcome.Value?.AwaitingApproval == true ? "link-for-approval" : "link", LinkPrefix);
    }

    private async Task<IFormCollection> PostedAsync() =>
        HttpContext is { } http ? await http.Request.ReadFormAsync() : FormCollection.Empty;

    /// <summary>Success: back to the page saying what happened. A refusal: this page again, the summary linking to the form's fields.</summary>
    private void After<T>(Outcome<T> outcome, string done, string prefix)
    {
        if (outcome.Succeeded)
        {
            Navigation.NavigateTo($"{NotesEndpoints.Page(Token)}?done={done}");
            return;
        }

        _errors = outcome.Errors;
        _errorPrefix = prefix;
        if (outcome.ErrorCode == ProceedingsErrors.Stale.Code)
        {
            _status = "Not saved";
        }
    }
}
