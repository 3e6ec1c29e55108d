using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Organisers.Security;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Organisers;

/// <summary>
/// The site's sign-in rules that administrators set: whether they require two-step sign-in for everyone (below), and
/// whether organisers must use single sign-on (<see cref="IsSingleSignOnRequiredAsync"/>). While two-step sign-in is
/// required, an organiser without it is signed in as someone who may only turn it on: their sign-in carries <see cref="OrganiserClaims.TwoStepNeeded"/>
/// (added by <see cref="OrganiserClaimsFactory"/> at every sign-in and cookie check), and
/// <see cref="OrganiserClaims.ToActor"/> gives every Core service an actor with no organiser rights.
/// </summary>
/// <remarks>
/// The settings are read at every sign-in and cookie check, so they are kept in memory: a change is forgotten here at once
/// and on every other node through the live signal (<see cref="LiveTopics.SiteSecurity"/>). Should a message be lost
/// (a dropped listening connection), a copy older than <see cref="MostStale"/> is read again.
/// </remarks>
public sealed class SiteSignInPolicy : IDisposable
{
    /// <summary>How old the remembered setting may grow before it is read again, even without a message.</summary>
    public static readonly TimeSpan MostStale = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<EventHubDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly IDisposable _listening;
    private long _generation;
    private Remembered? _remembered;

    public SiteSignInPolicy(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, ILiveSignal signal)
    {
        _dbFactory = dbFactory;
        _clock = clock;
        _listening = signal.Subscribe(LiveTopics.SiteWide, message =>
        {
            if (message.Topic == LiveTopics.SiteSecurity)
            {
                Forget();
            }

            return Task.CompletedTask;
        });
    }

    public async Task<bool> IsTwoStepRequiredAsync(CancellationToken ct = default) => (await ReadAsync(ct)).TwoStep;

    /// <summary>Whether administrators require single sign-on: password sign-in is then for administrators only.</summary>
    public async Task<bool> IsSingleSignOnRequiredAsync(CancellationToken ct = default) => (await ReadAsync(ct)).SingleSignOn;

    /// <summary>
    /// Whether a sign-in may go on: always for administrators (so a broken provider never locks the site) and for a session
    /// that signed in through single sign-on; a password sign-in of anyone else only while single sign-on is not required.
    /// Asked before a password sign-in and at every cookie and circuit check, so turning the requirement on ends open
    /// password sessions within a minute.
    /// </summary>
    public async Task<bool> AllowsSignInAsync(bool isAdministrator, bool bySingleSignOn, CancellationToken ct = default) =>
        isAdministrator || bySingleSignOn || !await IsSingleSignOnRequiredAsync(ct);

    /// <summary>Whether this organiser must turn two-step sign-in on before doing anything else.</summary>
    public async Task<bool> IsNeededByAsync(string organiserId, CancellationToken ct = default)
    {
        if (!await IsTwoStepRequiredAsync(ct))
        {
            return false;
        }

        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.Id == organiserId && !u.TwoFactorEnabled, ct);
    }

    /// <summary>Administrators only. Open pages of organisers without two-step sign-in stop at their next check.</summary>
    public Task<Outcome<bool>> SetRequiredAsync(Actor actor, bool required, CancellationToken ct = default) =>
        ChangeAsync(actor, required, s => s.RequireTwoStep, (s, on) => s.RequireTwoStep = on, SecurityAction.TwoStepRequirementChanged,
            required ? "Required two-step sign-in for every organiser" : "Stopped requiring two-step sign-in (each organiser chooses)", ct);

    /// <summary>
    /// Administrators only. While required, organisers who are not administrators cannot sign in with a password
    /// (<see cref="ActiveOrganiserConfirmation"/>), and their password sessions already open end at their next check
    /// (<see cref="AllowsSignInAsync"/>).
    /// </summary>
    public Task<Outcome<bool>> SetSingleSignOnRequiredAsync(Actor actor, bool required, CancellationToken ct = default) =>
        ChangeAsync(actor, required, s => s.RequireSingleSignOn, (s, on) => s.RequireSingleSignOn = on, SecurityAction.SingleSignOnRequirementChanged,
            required ? "Required single sign-on for organisers (administrators may still use a password)" : "Stopped requiring single sign-on (organisers may use a password)", ct);

    private async Task<Outcome<bool>> ChangeAsync(
        Actor actor, bool required, Func<SiteSecuritySettings, bool> current, Action<SiteSecuritySettings, bool> set, SecurityAction action, string summary, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
        {
            return Outcome<bool>.Forbidden(OrganiserErrors.AdministratorsOnly);
        }

        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var now = _clock.GetUtcNow().UtcDateTime;
        var settings = await db.Set<SiteSecuritySettings>().FirstOrDefaultAsync(s => s.Id == SiteSecuritySettings.TheOnlyId, ct);
        if (settings is null)
        {
            settings = new SiteSecuritySettings();
            db.Add(settings);
        }
        else if (current(settings) == required)
        {
            return Outcome<bool>.Ok(required);
        }

        set(settings, required);
        settings.ChangedUtc = now;
        SecurityAudit.Add(db, action, actor, summary, now);
        db.PublishOnCommit(LiveTopics.SiteWide, LiveTopics.SiteSecurity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another administrator made the row at the same moment: set it on theirs.
            return await ChangeAsync(actor, required, current, set, action, summary, ct);
        }

        // This node's next check must see it; the live message reaches the others (and this one again, harmlessly).
        Forget();
        return Outcome<bool>.Ok(required);
    }

    private async Task<Remembered> ReadAsync(CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (Volatile.Read(ref _remembered) is { } remembered && remembered.Generation == generation && now - remembered.ReadAt < MostStale)
        {
            return remembered;
        }

        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var settings = await db.Set<SiteSecuritySettings>().AsNoTracking().Where(s => s.Id == SiteSecuritySettings.TheOnlyId)
            .Select(s => new { s.RequireTwoStep, s.RequireSingleSignOn }).FirstOrDefaultAsync(ct);
        // Stamped with the generation from before the read: if a change was heard meanwhile, this copy is never used.
        var read = new Remembered(settings?.RequireTwoStep == true, settings?.RequireSingleSignOn == true, now, generation);
        Volatile.Write(ref _remembered, read);
        return read;
    }

    public void Dispose() => _listening.Dispose();

    private void Forget() => Interlocked.Increment(ref _generation);

    private sealed record Remembered(bool TwoStep, bool SingleSignOn, DateTimeOffset ReadAt, long Generation);
}
