using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.CheckIn;

/// <summary>Door links kept as hashes, shown once, reissued, and never working past the day after the event.</summary>
public sealed class DoorLinkTokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_the_hash_of_a_door_link_is_stored()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var link = await kit.LinkAsync("Main entrance phone");

        await using var db = kit.Booking.Database.CreateDbContext();
        var row = await db.Set<DoorLink>().AsNoTracking().SingleAsync(d => d.Id == link.Id, Ct);
        row.TokenHash.ShouldBe(SecureTokens.Hash(link.Token));
        row.TokenHash.ShouldNotContain(link.Token);
        (await kit.Links.ListAsync(Actors.Organiser, kit.EventId, Ct)).ShouldAllBe(d => d.TokenHash != link.Token);
        (await kit.Links.OpenAsync(link.Token, Ct))!.EventId.ShouldBe(kit.EventId);
    }

    [Fact]
    public async Task Reissuing_a_link_stops_the_old_address_at_once_and_the_new_one_works()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var old = await kit.LinkAsync("Side door");

        var reissued = await kit.Links.ReissueAsync(Actors.Organiser, old.Id, Ct);

        reissued.Succeeded.ShouldBeTrue(reissued.Message);
        reissued.Value!.Id.ShouldBe(old.Id);
        reissued.Value.Token.ShouldNotBe(old.Token);
        reissued.Value.Path.ShouldBe("/door/" + reissued.Value.Token);
        (await kit.Links.OpenAsync(old.Token, Ct)).ShouldBeNull();
        (await kit.Service.CheckInAsync(code, Door.ForLink(old.Token), kit.EventId, Ct)).Status.ShouldBe(CheckInStatus.DoorNotAllowed);
        (await kit.Service.CheckInAsync(code, Door.ForLink(reissued.Value.Token), kit.EventId, Ct)).Status.ShouldBe(CheckInStatus.CheckedIn);
    }

    [Fact]
    public async Task A_revoked_or_unknown_link_cannot_be_reissued_and_only_a_team_organiser_may_reissue()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var link = await kit.LinkAsync("Side door");

        (await kit.Links.ReissueAsync(Actor.Anonymous, link.Id, Ct)).ErrorCode.ShouldBe(CheckInErrors.Forbidden.Code);
        (await kit.Links.ReissueAsync(Actors.Stranger, link.Id, Ct)).IsNotFound.ShouldBeTrue("an organiser on none of the event's teams");
        (await kit.Links.RevokeAsync(Actors.Organiser, link.Id, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Links.ReissueAsync(Actors.Organiser, link.Id, Ct)).ErrorCode.ShouldBe(CheckInErrors.DoorLinkGone.Code);
        (await kit.Links.ReissueAsync(Actors.Organiser, 999_999, Ct)).ErrorCode.ShouldBe(CheckInErrors.DoorLinkGone.Code);
        (await kit.Links.OpenAsync(link.Token, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Making_reissuing_and_revoking_a_door_link_are_in_the_security_log()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var link = await kit.LinkAsync("Side door");
        (await kit.Links.ReissueAsync(Actors.Organiser, link.Id, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Links.RevokeAsync(Actors.Organiser, link.Id, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Links.RevokeAsync(Actors.Organiser, link.Id, Ct)).Succeeded.ShouldBeFalse("already revoked: nothing more is logged");

        await using var db = kit.Booking.Database.CreateDbContext();
        var entries = await db.Set<SecurityEvent>().AsNoTracking().Where(e => e.EventId == kit.EventId).OrderBy(e => e.Id).ToListAsync(Ct);
        entries.Select(e => (e.Action, e.Summary)).ShouldBe([
            (SecurityAction.DoorLinkCreated, "Made the door link “Side door”"),
            (SecurityAction.DoorLinkCreated, "Reissued the door link “Side door” (its old address stopped working)"),
            (SecurityAction.DoorLinkRevoked, "Revoked the door link “Side door”"),
        ]);
        entries.ShouldAllBe(e => e.ActorName == Actors.Organiser.DisplayName);
    }

    [Fact]
    public async Task A_link_may_work_until_the_end_of_the_day_after_the_event_and_no_later()
    {
        await using var kit = await CheckInKit.CreateAsync();
        // Wednesday 2 December 2026, 10am to 4pm in London (GMT): links may work until midnight starting Friday 4 December.
        await kit.SetEventTimesAsync(new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 2, 16, 0, 0, DateTimeKind.Utc));

        var from = new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);
        var latest = new DateTime(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc);
        var tooLate = await kit.Links.CreateAsync(Actors.Organiser, kit.EventId, new DoorLinkInput("Late door", from, latest.AddMinutes(1)), Ct);
        var local = await kit.Links.CreateAsync(Actors.Organiser, kit.EventId,
            new DoorLinkLocalInput("Late door", new DateTime(2026, 12, 2, 8, 0, 0), new DateTime(2026, 12, 4, 9, 0, 0)), Ct);
        var lastMoment = await kit.Links.CreateAsync(Actors.Organiser, kit.EventId, new DoorLinkInput("Late door", from, latest), Ct);

        tooLate.ErrorCode.ShouldBe(CheckInErrors.DoorLinkEndsTooLate(latest, "Europe/London").Code);
        tooLate.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(DoorLinkInput.ValidUntilUtc));
        tooLate.Message.ShouldBe("A door link must stop working by the end of Thursday 3 December 2026, the day after the event");
        local.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(DoorLinkLocalInput.ValidUntilLocal));
        local.ErrorCode.ShouldBe(tooLate.ErrorCode);
        lastMoment.Succeeded.ShouldBeTrue(lastMoment.Message);
        lastMoment.Value!.Link.ValidUntilUtc.ShouldBe(latest);
    }

    [Fact]
    public async Task A_link_stops_working_at_the_end_of_its_window()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var link = await kit.LinkAsync("Main entrance phone", from: TimeSpan.FromHours(-1), until: TimeSpan.FromHours(2));
        (await kit.Links.OpenAsync(link.Token, Ct)).ShouldNotBeNull();

        kit.Booking.Clock.Advance(TimeSpan.FromHours(2));

        (await kit.Links.OpenAsync(link.Token, Ct)).ShouldBeNull();
    }
}
