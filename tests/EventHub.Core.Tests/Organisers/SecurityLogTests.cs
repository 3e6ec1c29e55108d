using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Tests.Organisers;

/// <summary>The security log, on a real database with real Identity: what is recorded, who reads it, how long it is kept.</summary>
public sealed class SecurityLogTests : IAsyncLifetime
{
    private CoreServices _core = default!;
    private OrganiserAccounts _accounts = default!;
    private SecurityLog _log = default!;
    private Organiser _ada = default!;
    private Organiser _olive = default!;
    private Actor _adaActor = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await OrganiserServices.CreateAsync(s => s.Configure<SecurityLogOptions>(o => o.KeepDays = 30));
        _accounts = _core.Get<OrganiserAccounts>();
        _log = _core.Get<SecurityLog>();
        _ada = await _core.AddAsync("Ada Admin", "ada@example.org", isAdministrator: true);
        _olive = await _core.AddAsync("Olive Organiser", "olive@example.org");
        _adaActor = Actor.Organiser(_ada.Id, _ada.DisplayName, isAdministrator: true);
    }

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public async Task Each_change_to_an_organiser_is_recorded_with_who_did_it_and_a_refused_change_records_nothing()
    {
        (await _accounts.DisableAsync(_adaActor, _olive.Id, Ct)).Succeeded.ShouldBeTrue();
        (await _accounts.EnableAsync(_adaActor, _olive.Id, Ct)).Succeeded.ShouldBeTrue();
        (await _accounts.SetAdministratorAsync(_adaActor, _olive.Id, true, Ct)).Succeeded.ShouldBeTrue();
        (await _accounts.UnlockAsync(_adaActor, _olive.Id, Ct)).Succeeded.ShouldBeTrue();
        (await _accounts.RemoveAsync(_adaActor, _olive.Id, Ct)).Succeeded.ShouldBeTrue();
        (await _accounts.SetAdministratorAsync(_adaActor, _ada.Id, false, Ct)).Succeeded.ShouldBeFalse("the last administrator stays");

        var entries = await EntriesAsync();

        entries.Select(e => e.Action).ShouldBe([
            SecurityAction.OrganiserAdded, SecurityAction.OrganiserAdded, SecurityAction.OrganiserDisabled, SecurityAction.OrganiserEnabled,
            SecurityAction.SiteRoleChanged, SecurityAction.OrganiserUnlocked, SecurityAction.OrganiserRemoved,
        ]);
        entries.Skip(2).ShouldAllBe(e => e.ActorName == "Ada Admin");
        entries[2].Summary.ShouldBe("Disabled the organiser Olive Organiser (olive@example.org)");
        entries[4].Summary.ShouldBe("Made Olive Organiser (olive@example.org) an administrator");
        entries[6].Summary.ShouldBe("Removed the organiser Olive Organiser (olive@example.org)", "the entry still reads after the account is gone");
    }

    [Fact]
    public async Task Sign_ins_are_recorded_with_the_client_address_and_an_unknown_address_is_never_stored()
    {
        await _log.RecordSignInAsync(" OLIVE@example.org ", SignInResultKind.Succeeded, "192.0.2.10", Ct);
        await _log.RecordSignInAsync("olive@example.org", SignInResultKind.Failed, "192.0.2.10", Ct);
        await _log.RecordSignInAsync("olive@example.org", SignInResultKind.LockedOut, "192.0.2.10", Ct);
        await _log.RecordSignInAsync("my-secret-password-typed-here", SignInResultKind.Failed, "198.51.100.7", Ct);

        var entries = (await EntriesAsync()).Skip(2).ToList();

        entries.Select(e => (e.Action, e.ActorName, e.ClientAddress)).ShouldBe([
            (SecurityAction.SignedIn, "Olive Organiser", "192.0.2.10"),
            (SecurityAction.SignInFailed, "Olive Organiser", "192.0.2.10"),
            (SecurityAction.SignInLockedOut, "Olive Organiser", "192.0.2.10"),
            (SecurityAction.SignInFailed, "Unknown account", "198.51.100.7"),
        ]);
        entries[1].Summary.ShouldBe("Sign-in failed: wrong password");
        entries[3].Summary.ShouldBe("Sign-in failed: no account has that email address");
        entries.ShouldAllBe(e => !e.Summary.Contains("my-secret", StringComparison.Ordinal) && !e.ActorName.Contains("my-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_second_step_of_a_sign_in_is_recorded_saying_which_code_was_used()
    {
        var olive = Actor.Organiser("olive-id", "Olive Organiser");
        await _log.RecordCodeSignInAsync(olive, byApp: true, SignInResultKind.Succeeded, "192.0.2.10", Ct);
        await _log.RecordCodeSignInAsync(olive, byApp: false, SignInResultKind.Succeeded, "192.0.2.10", Ct);
        await _log.RecordCodeSignInAsync(olive, byApp: true, SignInResultKind.Failed, "192.0.2.10", Ct);
        await _log.RecordCodeSignInAsync(olive, byApp: false, SignInResultKind.Failed, "192.0.2.10", Ct);
        await _log.RecordCodeSignInAsync(olive, byApp: true, SignInResultKind.LockedOut, "192.0.2.10", Ct);

        var entries = (await EntriesAsync()).Skip(2).ToList();

        entries.Select(e => (e.Action, e.Summary)).ShouldBe([
            (SecurityAction.SignedIn, "Signed in with a password and an authenticator code"),
            (SecurityAction.SignedIn, "Signed in with a password and a recovery code (it is now used up)"),
            (SecurityAction.SignInFailed, "Sign-in failed: wrong authenticator code"),
            (SecurityAction.SignInFailed, "Sign-in failed: wrong recovery code"),
            (SecurityAction.SignInLockedOut, "Sign-in refused: the account is locked after repeated failures"),
        ]);
        entries.ShouldAllBe(e => e.ActorName == "Olive Organiser" && e.ClientAddress == "192.0.2.10");
    }

    [Fact]
    public async Task Team_changes_and_a_cancelled_event_are_recorded_against_the_event()
    {
        var eventId = await AddEventAsync();
        var teams = _core.Get<TeamService>();
        var added = await teams.AddAsync(_adaActor, TeamScope.ForEvent(eventId), new TeamMemberInput("olive@example.org", TeamRole.Door, CanSeeNeeds: false), Ct);
        added.Succeeded.ShouldBeTrue(added.Message);
        (await teams.ChangeAsync(_adaActor, added.Value!.Id, TeamRole.Editor, canSeeNeeds: true, Ct)).Succeeded.ShouldBeTrue();
        (await teams.RemoveAsync(_adaActor, added.Value.Id, Ct)).Succeeded.ShouldBeTrue();
        (await _core.Get<EventService>().SetStatusAsync(_adaActor, eventId, EventStatus.Cancelled, Ct)).Succeeded.ShouldBeTrue();

        var entries = (await EntriesAsync()).Skip(2).ToList();

        entries.Select(e => (e.Action, e.EventId)).ShouldBe([
            (SecurityAction.TeamMemberAdded, eventId), (SecurityAction.TeamRoleChanged, eventId),
            (SecurityAction.TeamMemberRemoved, eventId), (SecurityAction.EventCancelled, eventId),
        ]);
        entries[0].Summary.ShouldBe($"Added Olive Organiser (olive@example.org) to the team of event {eventId} as Door");
        entries[1].Summary.ShouldBe($"Changed Olive Organiser on the team of event {eventId} from Door to Editor (needs)");
        entries[3].Summary.ShouldBe("Cancelled the event “Security Forum”");
    }

    [Fact]
    public async Task Only_administrators_read_the_log_newest_first_a_page_at_a_time_and_filtered_by_kind()
    {
        for (var i = 0; i < 7; i++)
        {
            _core.Clock.Advance(TimeSpan.FromMinutes(1));
            await _log.RecordSignInAsync("olive@example.org", SignInResultKind.Failed, "192.0.2." + i, Ct);
        }

        (await _log.ListAsync(Actor.Organiser(_olive.Id, _olive.DisplayName), null, 0, 50, Ct)).IsForbidden.ShouldBeTrue();
        var page = (await _log.ListAsync(_adaActor, SecurityAction.SignInFailed, 1, 3, Ct)).Value!;

        page.TotalCount.ShouldBe(7);
        page.Items.Select(e => e.ClientAddress).ShouldBe(["192.0.2.3", "192.0.2.2", "192.0.2.1"]);
        (await _log.ListAsync(_adaActor, null, 0, 50, Ct)).Value!.TotalCount.ShouldBe(9, "the two organisers added, then seven failures");
    }

    [Fact]
    public async Task Entries_are_kept_for_the_configured_days_and_then_pruned()
    {
        _core.Clock.Advance(TimeSpan.FromDays(20));
        await _log.RecordAsync(SecurityAction.NeedsExported, _adaActor, "Exported the attendee list with access and dietary needs (3 row(s))", ct: Ct);

        _core.Clock.Advance(TimeSpan.FromDays(11)); // the first two entries are now 31 days old, the export 11
        var pruned = await _log.PruneAsync(Ct);

        pruned.ShouldBe(2);
        (await EntriesAsync()).ShouldHaveSingleItem().Action.ShouldBe(SecurityAction.NeedsExported);
    }

    private async Task<List<SecurityEvent>> EntriesAsync()
    {
        await using var db = _core.Database.CreateDbContext();
        return await db.Set<SecurityEvent>().AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }

    private async Task<int> AddEventAsync()
    {
        await using var db = _core.Database.CreateDbContext();
        var now = _core.Clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Security Forum", Slug = "security-" + Guid.NewGuid().ToString("N")[..6], VenueName = "County Hall",
            StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(6), Capacity = 80, Status = EventStatus.Published,
            CreatedUtc = now, UpdatedUtc = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync(Ct);
        return ev.Id;
    }
}
