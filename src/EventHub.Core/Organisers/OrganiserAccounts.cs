using EventHub.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Organisers;

/// <summary>
/// Organiser accounts. Each call makes its own scope (and so its own UserManager and DbContext) because a
/// Blazor circuit lives far longer than a DbContext should.
/// </summary>
public sealed class OrganiserAccounts(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<Outcome<Organiser>> AddOrganiserAsync(Actor actor, OrganiserInput input)
    {
        if (!actor.IsAdministrator)
        {
            return Outcome<Organiser>.Forbidden(OrganiserErrors.AdministratorsOnly);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        return await CreateAsync(users, input, clock.GetUtcNow().UtcDateTime);
    }

    public async Task<IReadOnlyList<OrganiserRow>> ListAsync(Actor actor)
    {
        Guard.Administrator(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();
        var now = clock.GetUtcNow();
        return users.Users.OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsAdministrator, u.LockoutEnd, u.CreatedUtc })
            .AsEnumerable()
            .Select(u => new OrganiserRow(u.Id, u.DisplayName, u.Email ?? string.Empty, u.IsAdministrator, u.LockoutEnd > now, u.CreatedUtc))
            .ToList();
    }

    /// <summary>Validates the input and stores the organiser with their first password.</summary>
    internal static async Task<Outcome<Organiser>> CreateAsync(UserManager<Organiser> users, OrganiserInput input, DateTime nowUtc)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors.Add(new(nameof(OrganiserInput.DisplayName), "Enter a name"));
        }
        else if (input.DisplayName.Length > 100)
        {
            errors.Add(new(nameof(OrganiserInput.DisplayName), "Name must be 100 characters or fewer"));
        }

        var email = input.Email?.Trim() ?? string.Empty;
        if (!EmailAddresses.IsValid(email))
        {
            errors.Add(new(nameof(OrganiserInput.Email), "Enter an email address in the correct format, like name@example.gov.uk"));
        }

        if (errors.Count > 0)
        {
            return Outcome<Organiser>.Invalid(errors);
        }

        var user = new Organiser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            IsAdministrator = input.IsAdministrator,
            CreatedUtc = nowUtc,
        };
        var result = await users.CreateAsync(user, input.Password ?? string.Empty);
        if (!result.Succeeded)
        {
            return Outcome<Organiser>.Invalid(result.Errors.Select(e => new FieldError(
                e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(OrganiserInput.Password) : nameof(OrganiserInput.Email),
                e.Code is "DuplicateUserName" or "DuplicateEmail" ? "An organiser with this email address already exists" : e.Description)).ToList());
        }

        return Outcome<Organiser>.Ok(user);
    }
}
