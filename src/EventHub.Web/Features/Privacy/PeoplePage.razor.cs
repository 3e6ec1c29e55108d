using EventHub.Core.Common;
using EventHub.Core.Privacy;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Privacy;

public sealed partial class PeoplePage
{
    private string _email = string.Empty;
    private string _reason = string.Empty;
    private PersonData? _data;
    private IReadOnlyList<FieldError> _errors = [];
    private string? _message;
    private bool _confirming;

    [Inject]
    private SubjectAccessService SubjectAccess { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private async Task FindAsync()
    {
        _message = null;
        _confirming = false;
        var outcome = await SubjectAccess.FindAsync(await CurrentActor.GetAsync(), _email);
        _data = outcome.Value;
        _errors = outcome.Errors;
    }

    private void AskToErase()
    {
        _message = null;
        if (string.IsNullOrWhiteSpace(_reason))
        {
            _errors = [new FieldError("Reason", PrivacyErrors.EnterReason.Message)];
            return;
        }

        _errors = [];
        _confirming = true;
    }

    private async Task EraseAsync()
    {
        var actor = await CurrentActor.GetAsync();
        var outcome = await SubjectAccess.EraseAsync(actor, _data?.Email, _reason);
        _confirming = false;
        if (!outcome.Succeeded)
        {
            _errors = outcome.Errors;
            return;
        }

        var r = outcome.Value!;
        _message = $"Erased {_data!.Email}: {Count(r.Bookings, "booking")} anonymised"
            + (r.PlacesFreed > 0 ? $" ({Count(r.PlacesFreed, "place")} offered to the waiting list)" : string.Empty)
            + $" and {Count(r.OtherRecords, "other record")} removed. The audit log records the erasure and your reason.";
        _errors = [];
        _reason = string.Empty;
        _data = (await SubjectAccess.FindAsync(actor, _data.Email)).Value;
    }
}
