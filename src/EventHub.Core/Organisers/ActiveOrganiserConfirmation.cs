using Microsoft.AspNetCore.Identity;

namespace EventHub.Core.Organisers;

/// <summary>
/// Identity asks this before a password sign-in (and its two-step code): a disabled organiser is refused (as "not
/// allowed"), and so is an organiser who is not an administrator while administrators require single sign-on. Single
/// sign-on itself does not ask (it signs in directly), and administrators may always use their password.
/// </summary>
public sealed class ActiveOrganiserConfirmation(SiteSignInPolicy policy) : IUserConfirmation<Organiser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<Organiser> manager, Organiser user) =>
        !user.IsDisabled && await policy.AllowsSignInAsync(user.IsAdministrator, bySingleSignOn: false);
}
