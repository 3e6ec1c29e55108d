using EventHub.Core.Common;
using EventHub.Core.Invitations;
using EventHub.Core.Organisers;
using EventHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Features.Account;

/// <summary>
/// Administrators manage organisers: every action on an organiser, an invitation or the two-step rule goes through one
/// handler (<see cref="RunAsync{T}"/>), which says what happened or shows Core's refusal, then reloads the lists.
/// </summary>
public partial class OrganisersPage
{
    private static readonly IReadOnlyList<ChoiceOption<bool>> Roles =
    [
        new(false, "Organiser", "creates events and works on the teams they are given", TestId: "invite-role-organiser"),
        new(true, "Administrator", "also manages organisers and reads the security log", TestId: "invite-role-administrator"),
    ];

    private IReadOnlyList<OrganiserRow>? _rows;
    private IReadOnlyList<FieldError> _errors = [];
    private NewOrganiser _input = new();
    private IReadOnlyList<FieldError> _actionErrors = [];
    private string? _message;
    private OrganiserRow? _removing;
    private IReadOnlyList<InvitationRow>? _invitations;
    private IReadOnlyList<FieldError> _inviteErrors = [];
    private NewOrganiser _invite = new();
    private bool _twoStepRequired;
    private bool _singleSignOnRequired;

    /// <summary>What an administrator can do to one organiser from their row.</summary>
    private enum OrganiserAction
    {
        Disable,
        Enable,
        MakeAdministrator,
        MakeOrganiser,
        Unlock,
        ResetTwoStep,
        AllowDataRequests,
        StopDataRequests,
        Remove,
    }

    private enum InvitationAction
    {
        Resend,
        Withdraw,
    }

    [Inject]
    private OrganiserAccounts Accounts { get; set; } = default!;

    [Inject]
    private InvitationService Invitations { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private SiteSignInPolicy SiteSignInPolicy { get; set; } = default!;

    [Inject]
    private Microsoft.Extensions.Options.IOptions<SingleSignOnSettings> SingleSignOn { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await ReloadAsync(await CurrentActor.GetAsync());

    /// <summary>The actions a row offers, in the order they show: Remove asks first (see <see cref="ChooseAsync"/>).</summary>
    private static IEnumerable<OrganiserAction> ActionsFor(OrganiserRow o)
    {
        yield return o.IsDisabled ? OrganiserAction.Enable : OrganiserAction.Disable;
        yield return o.IsAdministrator ? OrganiserAction.MakeOrganiser : OrganiserAction.MakeAdministrator;
        if (o.IsLockedOut)
        {
            yield return OrganiserAction.Unlock;
        }

        if (o.HasTwoStep)
        {
            yield return OrganiserAction.ResetTwoStep;
        }

        // Administrators answer data requests anyway; the permission is for organisers.
        if (!o.IsAdministrator)
        {
            yield return o.CanAnswerDataRequests ? OrganiserAction.StopDataRequests : OrganiserAction.AllowDataRequests;
        }

        yield return OrganiserAction.Remove;
    }

    private static string Label(OrganiserAction action) => action switch
    {
        OrganiserAction.Disable => "Disable",
        OrganiserAction.Enable => "Re-enable",
        OrganiserAction.MakeAdministrator => "Make administrator",
        OrganiserAction.MakeOrganiser => "Make organiser",
        OrganiserAction.Unlock => "Unlock",
        OrganiserAction.ResetTwoStep => "Reset two-step",
        OrganiserAction.AllowDataRequests => "Allow data requests",
        OrganiserAction.StopDataRequests => "Stop data requests",
        _ => "Remove",
    };

    private static string TestId(OrganiserAction action) => action switch
    {
        OrganiserAction.Disable => "disable",
        OrganiserAction.Enable => "enable",
        OrganiserAction.MakeAdministrator => "make-administrator",
        OrganiserAction.MakeOrganiser => "make-organiser",
        OrganiserAction.Unlock => "unlock",
        OrganiserAction.ResetTwoStep => "reset-two-step",
        OrganiserAction.AllowDataRequests => "allow-data-requests",
        OrganiserAction.StopDataRequests => "stop-data-requests",
        _ => "remove",
    };

    private static string Status(OrganiserRow o) =>
        (o.IsDisabled ? "Disabled" : o.IsLockedOut ? "Locked after failed sign-ins" : "Active") + (o.HasTwoStep ? ", two-step sign-in on" : string.Empty)
        + (o.CanAnswerDataRequests ? ", answers data requests" : string.Empty);

    private Task ChooseAsync(OrganiserRow o, OrganiserAction action)
    {
        if (action != OrganiserAction.Remove)
        {
            return ActAsync(o, action);
        }

        // Removing cannot be undone: ask first.
        _removing = o;
        _message = null;
        _actionErrors = [];
        return Task.CompletedTask;
    }

    private Task ActAsync(OrganiserRow o, OrganiserAction action) => action switch
    {
        OrganiserAction.Disable => RunAsync(a => Accounts.DisableAsync(a, o.Id),
            $"{o.DisplayName} is disabled: they cannot sign in, and their open pages stop within a minute."),
        OrganiserAction.Enable => RunAsync(a => Accounts.EnableAsync(a, o.Id), $"{o.DisplayName} can sign in again."),
        OrganiserAction.MakeAdministrator or OrganiserAction.MakeOrganiser => RunAsync(
            a => Accounts.SetAdministratorAsync(a, o.Id, action == OrganiserAction.MakeAdministrator),
            $"{o.DisplayName} is now {(action == OrganiserAction.MakeAdministrator ? "an administrator" : "an organiser")}. They sign in again to take up the role."),
        OrganiserAction.Unlock => RunAsync(a => Accounts.UnlockAsync(a, o.Id), $"{o.DisplayName} is unlocked and can try to sign in again."),
        OrganiserAction.ResetTwoStep => RunAsync(a => Accounts.ResetTwoStepAsync(a, o.Id),
            $"Two-step sign-in for {o.DisplayName} is reset: their app and recovery codes no longer work, and they are signed out."),
        OrganiserAction.AllowDataRequests or OrganiserAction.StopDataRequests => RunAsync(
            a => Accounts.SetDataRequestsAsync(a, o.Id, action == OrganiserAction.AllowDataRequests),
            action == OrganiserAction.AllowDataRequests
                ? $"{o.DisplayName} can now answer subject-access and erasure requests (Personal data). They sign in again to take it up."
                : $"{o.DisplayName} can no longer answer subject-access and erasure requests. Their open pages stop within a minute."),
        _ => RunAsync(a => Accounts.RemoveAsync(a, o.Id), $"{o.DisplayName} has been removed."),
    };

    private Task ActAsync(InvitationRow i, InvitationAction action) => action == InvitationAction.Resend
        ? RunAsync(a => Invitations.ResendAsync(a, i.Id), $"We have emailed a new invitation link to {i.Email}. The earlier link no longer works.")
        : RunAsync(a => Invitations.RevokeAsync(a, i.Id), $"The invitation to {i.Email} is withdrawn: its link no longer works.");

    private Task SetTwoStepRequiredAsync(bool required) => RunAsync(
        a => SiteSignInPolicy.SetRequiredAsync(a, required),
        required
            ? "Two-step sign-in is now required. Organisers without it turn it on at their next sign-in."
            : "Two-step sign-in is no longer required. Each organiser chooses.");

    private Task SetSingleSignOnRequiredAsync(bool required) => RunAsync(
        a => SiteSignInPolicy.SetSingleSignOnRequiredAsync(a, required),
        required
            ? "Single sign-on is now required. Organisers can no longer sign in with a password; administrators still can."
            : "Single sign-on is no longer required. Organisers with a password can sign in with it again.");

    /// <summary>The one action handler: asks Core as the current actor, says what happened or why not, and reloads.</summary>
    private async Task RunAsync<T>(Func<Actor, Task<Outcome<T>>> action, string done)
    {
        var actor = await CurrentActor.GetAsync();
        var outcome = await action(actor);
        _message = outcome.Succeeded ? done : null;
        _actionErrors = outcome.Errors;
        _removing = null;
        await ReloadAsync(actor);
    }

    private async Task ReloadAsync(Actor actor)
    {
        _rows = await Accounts.ListAsync(actor);
        _invitations = (await Invitations.ListPendingAsync(actor)).Value;
        _twoStepRequired = await SiteSignInPolicy.IsTwoStepRequiredAsync();
        _singleSignOnRequired = await SiteSignInPolicy.IsSingleSignOnRequiredAsync();
    }

    private async Task InviteAsync()
    {
        var actor = await CurrentActor.GetAsync();
        var outcome = await Invitations.InviteAsync(actor, new InvitationInput(_invite.DisplayName, _invite.Email, _invite.IsAdministrator));
        if (!outcome.Succeeded)
        {
            _inviteErrors = outcome.Errors;
            return;
        }

        _message = $"We have emailed an invitation to {outcome.Value!.Email}. {outcome.Value.DisplayName} sets a password from the link in it.";
        _actionErrors = [];
        _inviteErrors = [];
        _invite = new();
        await ReloadAsync(actor);
    }

    private async Task AddAsync()
    {
        var actor = await CurrentActor.GetAsync();
        var outcome = await Accounts.AddOrganiserAsync(actor, new OrganiserInput(_input.DisplayName, _input.Email, _input.Password, _input.IsAdministrator));
        if (!outcome.Succeeded)
        {
            _errors = outcome.Errors;
            return;
        }

        _message = $"{outcome.Value!.DisplayName} can now sign in as an organiser. Give them their first password in person.";
        _actionErrors = [];
        _errors = [];
        _input = new();
        await ReloadAsync(actor);
    }

    private sealed class NewOrganiser
    {
        public string DisplayName { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;

        public bool IsAdministrator { get; set; }
    }
}
