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
        a.Token.ShouldNotContain(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-");
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
        result.Code.ShouldBe(CheckInError.DoorLinkInvalid);
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

        (await kit.Links.CreateAsync(Actor.Anonymous, kit.EventId, new DoorLinkInput("x", now, now.AddHours(1)))).ErrorCode.ShouldBe(CheckInError.Forbidden);
        var invalid = await kit.Links.CreateAsync(Actors.Organiser, kit.EventId, new DoorLinkInput(" ", now, now.AddHours(-1)));
        invalid.ErrorFor(nameof(DoorLinkInput.Label)).ShouldBe("Enter a name for the door or volunteer");
        invalid.ErrorFor(nameof(DoorLinkInput.ValidUntilUtc)).ShouldNotBeNull();
        var link = await kit.LinkAsync();
        (await kit.Links.RevokeAsync(Actor.Anonymous, link.Id)).ErrorCode.ShouldBe(CheckInError.Forbidden);
        (await kit.Links.ListAsync(Actors.Organiser, kit.EventId)).ShouldHaveSingleItem().RevokedUtc.ShouldBeNull();
    }
}
