using EventHub.Core.Bookings;
using EventHub.Core.Common;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Bookings;

/// <summary>
/// The public booking page, rendered on the server with no circuit: each step is a plain POST of one form (with
/// antiforgery), so booking works with JavaScript off and after a dropped connection; where script runs the form is
/// enhanced (no full reload). "Check your answers" carries what was typed in hidden fields, and BookingService checks
/// all of it again when the visitor confirms.
/// </summary>
public partial class BookPage
{
    private BookingFormModel? _model;
    private int? _confirmingEventId;
    private BookingForm _form = new();
    private BookingStep _step = BookingStep.Details;
    private IReadOnlyList<FieldError> _errors = [];
    private bool _linkResent;
    private bool _notEligible;
    private string? _keptSentence;
    private int? _holdMinutes;

    [Inject]
    private PublicBooking PublicBooking { get; set; } = default!;

    [Inject]
    private BookingService Bookings { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private Microsoft.Extensions.Options.IOptions<BookingOptions> BookingOptions { get; set; } = default!;

    [Inject]
    private EventHub.Core.Privacy.PrivacyNotices Notices { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Parameter]
    public string Slug { get; set; } = string.Empty;

    /// <summary>The token from a priority booking link (poll voters, mailing list): lets its holder book early.</summary>
    [SupplyParameterFromQuery(Name = "priority")]
    public string? PriorityToken { get; set; }

    /// <summary>The secret of a hidden ticket type, from its private link.</summary>
    [SupplyParameterFromQuery(Name = "ticket")]
    public string? TicketSecret { get; set; }

    // A POST always shows the form it answers, even if booking closed meanwhile: BookingService then says so.
    private bool IsPost => HttpContext is { } http && HttpMethods.IsPost(http.Request.Method);

    protected override async Task OnParametersSetAsync()
    {
        // Confirming is the busiest step of a rush, and BookingService reads and checks the event again: the form's own
        // reads wait until the form has to be shown again. Meanwhile the page is the one a confirmation shows.
        if (IsPost && (await HttpContext!.Request.ReadFormAsync())[BookingFormPost.Action] == BookingFormPost.Confirm)
        {
            _confirmingEventId = await PublicBooking.EventIdAsync(Slug);
            if (_confirmingEventId is null)
            {
                Navigation.NotFound();
                return;
            }

            _step = BookingStep.Done;
            return;
        }

        await LoadFormAsync();
    }

    private async Task<bool> LoadFormAsync()
    {
        _model = await PublicBooking.GetFormAsync(Slug, TicketSecret, PriorityToken);
        if (_model is null)
        {
            Navigation.NotFound();
            return false;
        }

        _form = BookingFormPost.New(_model, TicketSecret, PriorityToken);
        if (!IsPost)
        {
            await LoadKeptSentenceAsync(_model);
            // The page a crowd refreshes before the opening may be served from the cache, until the opening.
            if (HttpContext is { } http && PriorityToken is null && _model is { Window: BookingWindow.NotOpenYet, Event.BookingOpensUtc: { } opens })
            {
                EventHub.Web.Infrastructure.BookingFormShell.KeepUntilOpening(http, opens);
            }
        }

        return true;
    }

    /// <summary>Only the form step shows it, so a POST that moves on to the next step does not read it.</summary>
    private async Task LoadKeptSentenceAsync(BookingFormModel model) =>
        _keptSentence = await Notices.KeptSentenceAsync(model.Event.Id);

    private async Task SubmitAsync()
    {
        if (HttpContext is null)
        {
            return;
        }

        var posted = await HttpContext.Request.ReadFormAsync();
        if (_model is null)
        {
            if (_confirmingEventId is { } eventId && posted[BookingFormPost.Action] == BookingFormPost.Confirm)
            {
                await ConfirmAsync(eventId, BookingFormPost.ReadPosted(posted, TicketSecret, PriorityToken), posted);
            }

            return;
        }

        _form = BookingFormPost.Read(posted, _model, TicketSecret, PriorityToken);
        _errors = [];
        _notEligible = false;
        switch (posted[BookingFormPost.Action].FirstOrDefault())
        {
            case BookingFormPost.Confirm:
                await ConfirmAsync(_model.Event.Id, _form, posted);
                break;
            case BookingFormPost.Change:
                _step = BookingStep.Details;
                break;
            case BookingFormPost.Resend:
                await Bookings.ResendLinkAsync(_model.Event.Id, _form.Email);
                _linkResent = true;
                _holdMinutes = _model.Settings.HoldUntilEmailConfirmed ? BookingOptions.Value.HoldMinutes : null;
                _step = BookingStep.Done;
                break;
            default:
                // The same rules BookingService applies, so the person hears about a mistake before checking their answers.
                _errors = BookingRules.Validate(_form, _model.Questions, _model.TicketTypes.Count);
                // An address the event's rule refuses is marked now, not after "check your answers".
                if (_errors.All(e => e.Field != nameof(BookingForm.Email)) && EligibilityNotice.RefusalFor(_model.Settings, _form.Email) is { } refusal)
                {
                    _errors = [.. _errors, new FieldError(nameof(BookingForm.Email), refusal.Message)];
                    _notEligible = true;
                }

                _step = _errors.Count == 0 ? BookingStep.Check : BookingStep.Details;
                break;
        }

        if (_step == BookingStep.Details)
        {
            await LoadKeptSentenceAsync(_model);
        }
    }

    private async Task ConfirmAsync(int eventId, BookingForm form, IFormCollection posted)
    {
        _form = form;
        var outcome = await Bookings.BookAsync(new BookingRequest(eventId, form));
        // Already booked answers as a new booking does: the owner of the address is emailed their own link.
        if (outcome.Succeeded || outcome.ErrorCode == BookingErrors.AlreadyBooked.Code)
        {
            // The same words whether or not the address had a place already: BookingService says on both whether places are held.
            _holdMinutes = outcome.HoldsUntilEmailConfirmed ? BookingOptions.Value.HoldMinutes : null;
            _step = BookingStep.Done;
            return;
        }

        // The form is shown again with what was wrong and everything typed, so now it needs the event's form.
        if (_model is null)
        {
            if (!await LoadFormAsync())
            {
                return;
            }

            _form = BookingFormPost.Read(posted, _model!, TicketSecret, PriorityToken);
        }

        _errors = outcome.Errors;
        _notEligible = outcome.ErrorCode == BookingErrors.NotEligible.Code;
        _step = BookingStep.Details;
    }
}
