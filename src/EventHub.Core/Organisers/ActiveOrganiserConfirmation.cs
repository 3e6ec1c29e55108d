using Microsoft.AspNetCore.Identity;

namespace EventHub.Core.Organisers;

/// <summary>Identity asks this before any sign-in: a disabled organiser is refused (as "not allowed").</summary>
public sealed class ActiveOrganiserConfirmation : IUserConfirmation<Organiser>
{
    public Task<bool> IsConfirmedAsync(UserManager<Organiser> manager, Organiser user) => Task.FromResult(!user.IsDisabled);
}
