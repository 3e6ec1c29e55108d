using EventHub.Core.Common;

namespace EventHub.Core.Organisers;

/// <summary>The refusals of organiser accounts: stable codes and the words people see.</summary>
public static class OrganiserErrors
{
    public static readonly Refusal AlreadySetUp = Refusal.Conflict("already_set_up", "EventHub is already set up. Sign in instead.");

    public static readonly Refusal WrongSetupCode = new(
        "setup_code_wrong", "Enter the setup code exactly as it appears in the app's start-up log");

    public static readonly Refusal AdministratorsOnly = Refusal.Forbidden(ErrorCodes.Forbidden, "Only administrators can manage organisers. Ask an administrator to make this change.");

    public static readonly Refusal OrganiserGone = Refusal.NotFound("organiser_gone", "We could not find that organiser: another administrator may have removed them. The list now shows everyone who is left.");

    public static readonly Refusal LastAdministrator = new(
        "last_administrator", "EventHub needs at least one active administrator. Make someone else an administrator first.");

    public static readonly Refusal TwoStepAlreadyOn = Refusal.Conflict("two_step_on", "Two-step sign-in is already on for your account.");

    public static readonly Refusal TwoStepNotOn = Refusal.Conflict("two_step_off", "Two-step sign-in is not on for your account.");

    public static readonly Refusal TwoStepRequired = Refusal.Conflict("two_step_required", "Your administrators require two-step sign-in for everyone, so it cannot be turned off.");

    public static readonly Refusal TwoStepNotOnForThem = Refusal.Conflict("two_step_off_for_them", "Two-step sign-in is not on for this organiser, so there is nothing to reset. They can turn it on from their account page.");

    public static readonly Refusal PasswordAlreadySet = Refusal.Conflict("password_already_set", "Your account already has a password. Use Change password instead.");

    public static readonly Refusal SignInAgainToSetPassword = Refusal.Forbidden(
        "single_sign_on_not_fresh", "To set a password, sign out and sign in again with single sign-on, then set it within 10 minutes.");

    public const string WrongCode = "That code is not right. Enter the 6-digit code your authenticator app shows now";
}
