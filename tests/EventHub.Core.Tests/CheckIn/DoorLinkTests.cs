using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.CheckIn;

public sealed class DoorLinkTests
{
    [Fact]
    public async Task A_door_link_checks_people_in_and_the_check_in_records_the_link()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var link = await kit.LinkAsync("Main entrance phone");

        var result = await kit.Service.CheckInAsync(code, Door.ForLink(link.Token), kit.EventId);

        result.Status.ShouldBe(CheckInStatus.CheckedIn);
        result.CheckedInBy.ShouldBe("Main entrance phone");
        await using var db = kit.Booking.Database.CreateDbContext();
        var row = await db.Set<CheckInRecord>().SingleAsync();
        row.DoorLinkId.ShouldBe(link.Id);
        row.OrganiserUserId.ShouldBeNull();
    }

    [Fact]
    public async Task An_organiser_check_in_records_the_organiser()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");

        await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId);

        await using var db = kit.Booking.Database.CreateDbContext();
        var row = await db.Set<CheckInRecord>().SingleAsync();
        row.OrganiserUserId.ShouldBe(Actors.Organiser.UserId);
        row.DoorLinkId.ShouldBeNull();
        row.CheckedInBy.ShouldBe(Actors.Organiser.DisplayName);
    }

    [Fact]
    public async Task Door_link_tokens_are_long_random_and_distinct()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var a = await kit.LinkAsync("A");
        var b = await kit.LinkAsync("B");

        a.Token.Length.ShouldBeGreaterThanOrEqualTo(27);
        a.Token.ShouldNotBe(b.Token);
        a.Token.StartsWith(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal)
            .ShouldBeFalse("the token is random, not the link's id with a suffix");
        a.Token.StartsWith(b.Token[..8], StringComparison.Ordinal).ShouldBeFalse("two links share no prefix a counter would give");
    }

    [Fact]
    public async Task A_revoked_link_stops_opening_the_door_and_checking_people_in()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var link = await kit.LinkAsync();
        (await kit.Links.OpenAsync(link.Token)).ShouldNotBeNull();

        (await kit.Links.RevokeAsync(Actors.Organiser, link.Id)).Succeeded.ShouldBeTrue();

        (await kit.Links.OpenAsync(link.Token)).ShouldBeNull();
        var result = await kit.Service.CheckInAsync(code, Door.ForLink(link.Token), kit.EventId);
        result.Status.ShouldBe(CheckInStatus.DoorNotAllowed);
        result.Code.ShouldBe(CheckInErrors.DoorLinkInvalid.Code);
    }

    [Fact]
    public async Task A_link_works_only_inside_its_time_window()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var link = await kit.LinkAsync(from: TimeSpan.FromHours(1), until: TimeSpan.FromHours(3));

        (await kit.Service.CheckInAsync(code, Door.ForLink(link.Token), kit.EventId)).Status.ShouldBe(CheckInStatus.DoorNotAllowed);
        kit.Booking.Clock.Advance(TimeSpan.FromHours(2));
        (await kit.Links.OpenAsync(link.Token))!.EventId.ShouldBe(kit.EventId);
        (await kit.Service.CheckInAsync(code, Door.ForLink(link.Token), kit.EventId)).Status.ShouldBe(CheckInStatus.CheckedIn);
        kit.Booking.Clock.Advance(TimeSpan.FromHours(2));
        (await kit.Links.OpenAsync(link.Token)).ShouldBeNull();
    }

    [Fact]
    public async Task A_link_for_one_event_cannot_check_in_at_another_events_door()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var other = await kit.Booking.AddEventAsync(20, "other-forum");
        var booked = await kit.Booking.BookAsync("Ann Example", eventId: other);
        var link = await kit.LinkAsync(eventId: kit.EventId);

        (await kit.Service.CheckInAsync(booked.CheckInCode!, Door.ForLink(link.Token), other)).Status.ShouldBe(CheckInStatus.DoorNotAllowed);
    }

    [Fact]
    public async Task Only_organisers_create_or_revoke_links_and_a_link_needs_a_name_and_a_sensible_window()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var now = kit.Booking.Clock.GetUtcNow().UtcDateTime;

        (await kit.Links.CreateAsync(Actor.Anonymous, kit.EventId, new DoorLinkInput("x", now, now.AddHours(1)))).ErrorCode.ShouldBe(CheckInErrors.Forbidden.Code);
        var invalid = await kit.Links.CreateAsync(Actors.Organiser, kit.EventId, new DoorLinkInput(" ", now, now.AddHours(-1)));
        invalid.ErrorFor(nameof(DoorLinkInput.Label)).ShouldBe("Enter a name for the door or volunteer");
        invalid.ErrorFor(nameof(DoorLinkInput.ValidUntilUtc)).ShouldNotBeNull();
        var link = await kit.LinkAsync();
        (await kit.Links.RevokeAsync(Actor.Anonymous, link.Id)).ErrorCode.ShouldBe(CheckInErrors.Forbidden.Code);
        (await kit.Links.ListAsync(Actors.Organiser, kit.EventId)).ShouldHaveSingleItem().RevokedUtc.ShouldBeNull();
    }

    [Fact]
    public async Task Door_link_times_are_typed_in_the_event_time_zone_and_stored_as_utc_on_both_sides_of_a_clock_change()
    {
        await using var kit = await CheckInKit.CreateAsync();

        // London: BST (UTC+1) until 01:00 UTC on 25 October 2026, then GMT.
        var outcome = await kit.Links.CreateAsync(Actors.Organiser, kit.EventId,
            new DoorLinkLocalInput("Night door", new DateTime(2026, 10, 24, 18, 0, 0), new DateTime(2026, 10, 25, 9, 0, 0)));

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        outcome.Value!.Link.ValidFromUtc.ShouldBe(new DateTime(2026, 10, 24, 17, 0, 0, DateTimeKind.Utc));
        outcome.Value.Link.ValidUntilUtc.ShouldBe(new DateTime(2026, 10, 25, 9, 0, 0, DateTimeKind.Utc));
        var listed = (await kit.Links.ListInZoneAsync(Actors.Organiser, kit.EventId)).Value!;
        listed.TimeZoneId.ShouldBe("Europe/London");
        EventTime.ToLocal(listed.Links.Single().ValidFromUtc, listed.TimeZoneId).ShouldBe(new DateTime(2026, 10, 24, 18, 0, 0));
    }

    [Fact]
    public async Task Door_link_times_follow_a_non_default_event_time_zone()
    {
        await using var kit = await CheckInKit.CreateAsync();
        await using (var db = kit.Booking.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == kit.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.TimeZoneId, "America/New_York"), TestContext.Current.CancellationToken);
        }

        var outcome = await kit.Links.CreateAsync(Actors.Organiser, kit.EventId,
            new DoorLinkLocalInput("Lobby", new DateTime(2026, 12, 1, 8, 0, 0), new DateTime(2026, 12, 1, 18, 0, 0)));

        outcome.Value!.Link.ValidFromUtc.ShouldBe(new DateTime(2026, 12, 1, 13, 0, 0, DateTimeKind.Utc));
        outcome.Value.Link.ValidUntilUtc.ShouldBe(new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_door_link_time_skipped_when_the_clocks_go_forward_is_refused_on_its_field()
    {
        await using var kit = await CheckInKit.CreateAsync();

        // 01:30 on 28 March 2027 does not happen in London.
        var outcome = await kit.Links.CreateAsync(Actors.Organiser, kit.EventId,
            new DoorLinkLocalInput("Early door", new DateTime(2027, 3, 28, 1, 30, 0), new DateTime(2027, 3, 28, 9, 0, 0)));

        outcome.Succeeded.ShouldBeFalse();
        outcome.ErrorFor(nameof(DoorLinkLocalInput.ValidFromLocal)).ShouldNotBeNull();
        var backwards = await kit.Links.CreateAsync(Actors.Organiser, kit.EventId,
            new DoorLinkLocalInput("Backwards", new DateTime(2027, 3, 28, 9, 0, 0), new DateTime(2027, 3, 28, 8, 0, 0)));
        backwards.ErrorFor(nameof(DoorLinkLocalInput.ValidUntilLocal)).ShouldNotBeNull();
        (await kit.Links.CreateAsync(Actor.Anonymous, kit.EventId, new DoorLinkLocalInput("X", new DateTime(2027, 3, 28, 9, 0, 0), new DateTime(2027, 3, 28, 10, 0, 0)))).ErrorCode.ShouldBe(CheckInErrors.Forbidden.Code);
    }
}
