using System.Security.Cryptography;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Organisers;

/// <summary>
/// Makes the first administrator of an empty site. Outside Development the person must type the setup code that
/// the app printed in its start-up log (or that configuration set), so the first stranger to find <c>/setup</c> on a
/// new server cannot take it. "Only once" is held by the database: the <see cref="SetupRecord"/> row is inserted in
/// the same transaction as the administrator, and its key allows one.
/// </summary>
public sealed class FirstRunSetup(IServiceScopeFactory scopes, IOptions<FirstRunOptions> options, TimeProvider clock, ILogger<FirstRunSetup> logger)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The code to type on <c>/setup</c>: from configuration, or made once when this app started.</summary>
    public string SetupCode { get; } = options.Value.Code is { Length: > 0 } configured ? configured.Trim() : NewCode();

    public bool RequiresCode => options.Value.RequireCode;

    /// <summary>True until the site has an administrator.</summary>
    public async Task<bool> IsRequiredAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
        return !await IsDoneAsync(db, ct);
    }

    public async Task<Outcome<Organiser>> CreateFirstAdministratorAsync(OrganiserInput input, string? setupCode, CancellationToken ct = default)
    {
        if (RequiresCode && !SecureTokens.FixedTimeEquals(Normalise(setupCode), Normalise(SetupCode)))
        {
            // Never the code itself: the log may be read by more people than the server's console.
            logger.LogWarning("First-run setup refused: the setup code was wrong or missing.");
            return Outcome<Organiser>.Refused(OrganiserErrors.WrongSetupCode, nameof(SetupCode));
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Organiser>>();

        // SQLite begins this as IMMEDIATE (one writer): a second setup waits here, then sees the first one's row.
        // PostgreSQL lets both read, and the singleton key refuses the second insert when the first commits.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await IsDoneAsync(db, ct))
        {
            return Outcome<Organiser>.Refused(OrganiserErrors.AlreadySetUp);
        }

        Outcome<Organiser> created;
        try
        {
            created = await OrganiserAccounts.CreateAsync(users, input with { IsAdministrator = true }, clock.GetUtcNow().UtcDateTime);
            if (!created.Succeeded)
            {
                return created;
            }

            db.Add(new SetupRecord { AdministratorId = created.Value!.Id, CompletedUtc = clock.GetUtcNow().UtcDateTime });
            Security.SecurityAudit.Add(db, Security.SecurityAction.SetupCompleted, Actor.Organiser(created.Value.Id, created.Value.DisplayName, isAdministrator: true),
                $"First-run setup: {created.Value.DisplayName} ({created.Value.Email}) became the first administrator", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another setup committed first (its setup row, or the same email).
            return Outcome<Organiser>.Refused(OrganiserErrors.AlreadySetUp);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("First-run setup: {Name} is the first administrator.", created.Value!.DisplayName);
        return created;
    }

    /// <summary>Done once the setup row exists, or (a site set up before the row existed) any administrator does.</summary>
    private static async Task<bool> IsDoneAsync(EventHubDbContext db, CancellationToken ct) =>
        await db.Set<SetupRecord>().AnyAsync(ct) || await db.Users.AnyAsync(u => u.IsAdministrator, ct);

    private static string Normalise(string? code) =>
        new((code ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Twelve characters without look-alikes (no 0/O, 1/I), in three groups: easy to read off a log and type.</summary>
    private static string NewCode()
    {
        var chars = Enumerable.Range(0, 12).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }
}
