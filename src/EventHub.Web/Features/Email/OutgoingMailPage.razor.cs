using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Web.Features.Account;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventHub.Web.Features.Email;

public partial class OutgoingMailPage
{
    private MudTable<OutgoingMailRow>? _table;
    private OutboxStatus? _status;
    private OutgoingMailCounts? _counts;
    private string? _message;

    [Inject]
    private OutgoingMail Mail { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    internal static string StatusText(OutgoingMailRow row) => row.Status switch
    {
        OutboxStatus.Sent when row.SentUtc is { } sent => "Sent " + EventTime.FormatDateTime(sent, EventTime.DefaultTimeZoneId),
        OutboxStatus.Sent => "Sent",
        OutboxStatus.Failed => "Failed",
        OutboxStatus.Suppressed => "Not sent",
        _ when row.Attempts > 0 => $"Waiting to try again ({row.Attempts} tries so far)",
        _ => "Waiting to send",
    };

    protected override async Task OnInitializedAsync() => await LoadCountsAsync();

    private async Task LoadCountsAsync() => _counts = await Mail.CountAsync(await CurrentActor.GetAsync());

    // One page at a time from the server: the outbox grows with every booking.
    private async Task<TableData<OutgoingMailRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var actor = await CurrentActor.GetAsync();
        var page = await Mail.ListAsync(actor, _status, state.Page, state.PageSize, ct);
        return new TableData<OutgoingMailRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task RetryAsync(OutgoingMailRow row)
    {
        var outcome = await Mail.RetryAsync(await CurrentActor.GetAsync(), row.Id);
        _message = outcome.Succeeded
            ? $"The message to {row.ToEmail} is back in the queue and will be sent shortly."
            : outcome.Errors[0].Message;
        await LoadCountsAsync();
        await ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
