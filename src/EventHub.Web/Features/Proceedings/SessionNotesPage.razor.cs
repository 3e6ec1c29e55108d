using EventHub.Core.Common;
using EventHub.Core.Proceedings;
using EventHub.Web.Features.Site;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace EventHub.Web.Features.Proceedings;

/// <summary>
/// Session notes through the private link. Typing schedules a save a moment after the last key press, so
/// nothing typed is lost if the connection drops for long; the status line says when it last saved.
/// </summary>
public partial class SessionNotesPage
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(1.5);

    private NotesPage? _page;
    private NotesForm _input = new();
    private bool _consented;
    private bool _hideName;
    private int _revision;
    private string _status = string.Empty;
    private IReadOnlyList<FieldError> _errors = [];
    private CancellationTokenSource? _pending;
    private readonly SemaphoreSlim _saving = new(1, 1);
    private string? _uploadError;
    private int? _uploadPercent;
    private string? _linkTitle;
    private string? _linkUrl;
    private IReadOnlyList<FieldError> _linkErrors = [];
    private bool _loaded;

    [Parameter]
    public string Token { get; set; } = string.Empty;

    /// <summary>Set by the redirect after the notes form was posted without a circuit (Post/Redirect/Get).</summary>
    [SupplyParameterFromQuery(Name = "saved")]
    public string? Saved { get; set; }

    /// <summary>Present while the page is rendered on the server: a plain POST of the notes form is handled then.</summary>
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private NotesService Notes { get; set; } = default!;

    [Inject]
    private MaterialService Materials { get; set; } = default!;

    [Inject]
    private PublicActionLimiter Limits { get; set; } = default!;

    [CascadingParameter]
    private ClientAddress? Client { get; set; }


    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private EditorKey Key => EditorKey.ForToken(Token, "Notes link");

    protected override async Task OnParametersSetAsync()
    {
        _page = await Notes.GetAsync(Key);
        _loaded = true;
        if (_page is null)
        {
            // The page shows the one invalid-link answer (HTTP 404), as every private link does.
            return;
        }

        _input = new NotesForm
        {
            Convener = _page.Convener,
            Participants = _page.Participants,
            KeyPoints = _page.KeyPoints,
            Actions = _page.Actions,
            Links = _page.Links,
        };
        _consented = _page.Participants.Length > 0;
        _hideName = _page.HideConvenerName;
        _revision = _page.Revision;
        _status = _page.LastSavedUtc is { } saved ? "Saved at " + SavedLabel(saved) : "Not edited yet";
    }

    private void Changed()
    {
        _status = "Changes not saved yet";
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        var token = _pending.Token;
        _ = Task.Delay(Debounce, Clock, token).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    _ = InvokeAsync(async () =>
                    {
                        await SaveAsync();
                        StateHasChanged();
                    });
                }
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private string? SavedMessage => _errors.Count == 0 && Saved == "1" ? "Your notes are saved." : null;

    /// <summary>
    /// The Save button. In the circuit it saves at once; a plain POST (JavaScript off) reads the posted fields, saves
    /// them against the revision the form was rendered with, and redirects back saying so, or shows what went wrong
    /// with everything typed kept.
    /// </summary>
    private async Task SubmitAsync()
    {
        if (HttpContext is not { } http || !HttpMethods.IsPost(http.Request.Method))
        {
            _pending?.Cancel();
            await SaveAsync();
            return;
        }

        var posted = await http.Request.ReadFormAsync();
        _input = new NotesForm
        {
            Convener = posted["Convener"].FirstOrDefault(),
            Participants = posted["Participants"].FirstOrDefault(),
            KeyPoints = posted["KeyPoints"].FirstOrDefault(),
            Actions = posted["Actions"].FirstOrDefault(),
            Links = posted["Links"].FirstOrDefault(),
        };
        _consented = posted["ParticipantsConsented"].Contains("true");
        if (int.TryParse(posted["BaseRevision"].FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision))
        {
            _revision = revision;
        }

        if (await SaveAsync())
        {
            Navigation.NavigateTo($"/notes/{Uri.EscapeDataString(Token)}?saved=1");
        }
    }

    private async Task<bool> SaveAsync()
    {
        await _saving.WaitAsync();
        try
        {
            _status = "Saving…";
            var outcome = await Notes.SaveNotesAsync(Key, new NotesInput
            {
                Convener = _input.Convener,
                Participants = _input.Participants,
                ParticipantsConsented = _consented,
                KeyPoints = _input.KeyPoints,
                Actions = _input.Actions,
                Links = _input.Links,
                BaseRevision = _revision,
            });
            _errors = outcome.Errors;
            if (outcome.Succeeded)
            {
                _revision = outcome.Value!.Revision;
                _status = "Saved at " + SavedLabel(outcome.Value.SavedUtc);
                return true;
            }

            _status = "Not saved: " + outcome.Errors[0].Message;
            return false;
        }
        finally
        {
            _saving.Release();
        }
    }

    private async Task HideNameChangedAsync(ChangeEventArgs e)
    {
        _hideName = e.Value is true;
        await Notes.SetConvenerNameHiddenAsync(Key, _hideName);
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        _uploadError = null;
        var limit = _page!.MaxUploadBytes;
        var file = e.File;
        if (file.Size > limit)
        {
            _uploadError = ProceedingsErrors.TooLarge(limit).Message;
            return;
        }

        if (Limits.Refuse(PublicAction.Upload, Client, "notes:" + Token) is { } tooMany)
        {
            _uploadError = tooMany;
            return;
        }

        _uploadPercent = 0;
        try
        {
            var size = Math.Max(1, file.Size);
            await using var stream = new ProgressStream(file.OpenReadStream(limit + 1), read =>
            {
                var percent = (int)Math.Min(100, read * 100 / size);
                if (percent != _uploadPercent)
                {
                    _uploadPercent = percent;
                    _ = InvokeAsync(StateHasChanged);
                }
            });
            var outcome = await Materials.UploadAsync(Key, file.Name, stream);
            _uploadError = outcome.Succeeded ? null : outcome.Errors[0].Message;
        }
        catch (IOException)
        {
            _uploadError = "The file could not be uploaded. Check your connection and try again";
        }
        finally
        {
            _uploadPercent = null;
        }

        await ReloadMaterialsAsync();
    }

    private async Task AddLinkAsync()
    {
        var outcome = await Materials.AddLinkAsync(Key, _linkTitle, _linkUrl);
        _linkErrors = outcome.Errors;
        if (outcome.Succeeded)
        {
            _linkTitle = _linkUrl = null;
            await ReloadMaterialsAsync();
        }
    }

    private async Task ReloadMaterialsAsync()
    {
        var fresh = await Notes.GetAsync(Key);
        if (fresh is not null && _page is not null)
        {
            _page = _page with { Materials = fresh.Materials };
        }
    }

    private string SavedLabel(DateTime utc) =>
        EventTime.ToLocal(utc, _page?.TimeZoneId).ToString("h:mm:ss tt", System.Globalization.CultureInfo.GetCultureInfo("en-GB")).ToLowerInvariant();

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _saving.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class NotesForm
    {
        public string? Convener { get; set; }

        public string? Participants { get; set; }

        public string? KeyPoints { get; set; }

        public string? Actions { get; set; }

        public string? Links { get; set; }
    }
}
