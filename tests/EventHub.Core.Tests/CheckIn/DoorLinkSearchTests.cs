using EventHub.Core.CheckIn;
using EventHub.Core.Tests.Bookings;

namespace EventHub.Core.Tests.CheckIn;

/// <summary>A door link is a phone anyone at the door may hold: its search finds people to check in, not a list of everyone.</summary>
public sealed class DoorLinkSearchTests
{
    [Fact]
    public async Task A_door_link_finds_only_people_with_a_place_from_three_characters_and_never_inside_an_email_address()
    {
        await using var kit = await CheckInKit.CreateAsync(capacity: 1);
        await kit.Booking.BookAsync("Ann Example", "ann.example@devon.gov.uk");
        await kit.Booking.BookAsync("Bob Example", "bob.example@devon.gov.uk");
        var door = Door.ForLink((await kit.LinkAsync()).Token);

        async Task<string[]> Find(Door d, string term) =>
            [.. (await kit.Service.SearchAsync(d, kit.EventId, term)).Value!.Items.Select(r => r.Name)];

        (await Find(door, "Example")).ShouldBe(["Ann Example"], "Bob is only waiting");
        (await Find(door, "an")).ShouldBeEmpty("two characters find nothing");
        (await Find(door, "ann.ex")).ShouldBe(["Ann Example"], "the start of an email address");
        (await Find(door, "devon.gov.uk")).ShouldBeEmpty("nothing inside an email address");
        (await Find(door, "@devon")).ShouldBeEmpty();
        // Organisers, who may read the whole attendee list anyway, still search everyone.
        (await Find(kit.Organiser, "ex")).ShouldBe(["Ann Example", "Bob Example"]);
    }
}
