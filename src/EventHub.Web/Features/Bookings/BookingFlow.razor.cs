using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Bookings;

/// <summary>Shows one step of the visitor's booking journey; <see cref="BookPage"/> decides the step from each POST.</summary>
public partial class BookingFlow
{
    [Parameter, EditorRequired]
    public BookingFormModel Model { get; set; } = default!;

    /// <summary>What the visitor has typed so far (kept on every step).</summary>
    [Parameter, EditorRequired]
    public BookingForm Form { get; set; } = default!;

    [Parameter, EditorRequired]
    public BookingStep Step { get; set; }

    [Parameter]
    public IReadOnlyList<FieldError> Errors { get; set; } = [];

    /// <summary>The email address was refused by the event's rule: the page says what to do instead.</summary>
    [Parameter]
    public bool NotEligible { get; set; }

    /// <summary>What is kept and for how long, with the event's real retention; the site's stated periods when not given.</summary>
    [Parameter]
    public string? KeptSentence { get; set; }

    /// <summary>The booking form was posted; the page reads the posted fields.</summary>
    [Parameter, EditorRequired]
    public EventCallback Submit { get; set; }

    // Which addresses may book, said at the field before anyone types one.
    private string EmailHint => EligibilityNotice.Addresses(Model.Settings) is { Length: > 0 } addresses
        ? $"Use your address ending {addresses}. We will send your ticket and your private booking link there."
        : "We will send your ticket and your private booking link here.";

    /// <summary>Set when the event holds places until the address is confirmed: how long the visitor has to confirm.</summary>
    private int? HoldMinutes => Model.Settings.HoldUntilEmailConfirmed ? BookingOptions.Value.HoldMinutes : null;

    private IReadOnlyList<ChoiceOption<int?>> TicketTypeChoices =>
        [.. Model.TicketTypes.Select(t => new ChoiceOption<int?>(t.Id, AttendanceText.Name(t), TestId: $"ticket-{t.Id}"))];

    private IReadOnlyList<ChoiceOption<int>> SessionChoices =>
        [.. Model.Sessions.Where(s => s.Capacity is not null).Select(s => new ChoiceOption<int>(
            s.Id, $"{s.Title}, {EventTime.FormatClock(s.StartUtc, Model.Event.TimeZoneId)}", TestId: $"session-{s.Id}"))];
}
