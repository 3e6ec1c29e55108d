using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Dashboards;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.CheckIn;

/// <summary>Name badges on a real database: who gets one, what it carries, how 5,000 are read, and who may print them.</summary>
public sealed class BadgeServiceTests : IAsyncLifetime
{
    private CheckInKit _kit = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _kit = await CheckInKit.CreateAsync();

    public ValueTask DisposeAsync() => _kit.DisposeAsync();

    [Fact]
    public async Task Badges_are_for_confirmed_people_in_name_order_with_their_ticket_code_and_never_their_needs()
    {
        var form = BookingKit.Form("bea Lower");
        form.Organisation = "Devon County Council";
        form.AccessNeeds = "Step-free route please";
        form.DietaryNeeds = "No nuts";
        var bea = (await _kit.Booking.Bookings.BookAsync(new BookingRequest(_kit.EventId, form), Ct)).Value!.CheckInCode!;
        var cy = await _kit.CodeOfAsync("Cy Zed", "Torbay Council");
        var ann = await _kit.CodeOfAsync("Ann Example", "Exeter City Council");
        await AddBookingsAsync(("Wendy Waiting", BookingStatus.Waiting), ("Carl Cancelled", BookingStatus.Cancelled), ("Pat Pending", BookingStatus.AwaitingApproval));

        var page = (await _kit.Badges.PageAsync(Actors.Organiser, _kit.EventId, BadgeSelection.Everyone, 0, Ct)).Value!;

        page.TotalCount.ShouldBe(3);
        page.Items.ShouldBe([
            new Badge("Ann Example", "Exeter City Council", ann),
            new Badge("bea Lower", "Devon County Council", bea),
            new Badge("Cy Zed", "Torbay Council", cy),
        ]);
        string.Join(" ", page.Items).ShouldNotContain("Step-free");
        typeof(Badge).GetProperties().Select(p => p.Name).ShouldBe(["Name", "Organisation", "CheckInCode"], ignoreOrder: true);
    }

    [Fact]
    public async Task People_with_an_online_place_get_no_badge()
    {
        var room = (await _kit.Booking.TicketTypes.SaveAsync(Actors.Organiser, _kit.EventId, null, "In the room", "", null, false, ct: Ct)).Value!.Id;
        var online = (await _kit.Booking.TicketTypes.SaveAsync(Actors.Organiser, _kit.EventId, null, "Join online", "", 10, false, Attendance.Online, Ct)).Value!.Id;
        await _kit.CodeOfAsync("Ann Room", ticket: room);
        await _kit.CodeOfAsync("Olu Online", ticket: online);

        var page = (await _kit.Badges.PageAsync(Actors.Organiser, _kit.EventId, BadgeSelection.Everyone, 0, Ct)).Value!;

        page.Items.ShouldHaveSingleItem().Name.ShouldBe("Ann Room");
        page.TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task Only_people_not_yet_checked_in_leaves_out_whoever_has_arrived()
    {
        var ann = await _kit.CodeOfAsync("Ann Example");
        var bob = await _kit.CodeOfAsync("Bob Example");
        (await _kit.Service.CheckInAsync(ann, _kit.Organiser, _kit.EventId, Ct)).Status.ShouldBe(CheckInStatus.CheckedIn);

        var late = (await _kit.Badges.PageAsync(Actors.Organiser, _kit.EventId, BadgeSelection.NotCheckedIn, 0, Ct)).Value!;
        var everyone = (await _kit.Badges.PageAsync(Actors.Organiser, _kit.EventId, BadgeSelection.Everyone, 0, Ct)).Value!;

        late.Items.ShouldHaveSingleItem().CheckInCode.ShouldBe(bob);
        late.TotalCount.ShouldBe(1);
        everyone.TotalCount.ShouldBe(2);
    }

    [Fact]
    public async Task Five_thousand_people_are_read_two_hundred_at_a_time_each_once()
    {
        await using (var db = _kit.Booking.Database.CreateDbContext())
        {
            // Four people share each name, so the order must fall back to the booking to page without repeats.
            var bookings = Enumerable.Range(0, 5000)
                .Select(i => DashboardKit.NewBooking(_kit.EventId, $"p{i}@devon.gov.uk", BookingStatus.Confirmed, _kit.Booking.Clock.GetUtcNow().UtcDateTime))
                .Select((b, i) => { b.Name = $"Person {i / 4:D4}"; return b; })
                .ToList();
            db.AddRange(bookings);
            await db.SaveChangesAsync(Ct);
            db.AddRange(bookings.Where((_, i) => i % 5 == 0).Select(b => new CheckInRecord
            {
                BookingId = b.Id, EventId = _kit.EventId, CheckedInUtc = b.CreatedUtc, CheckedInBy = "Main door",
            }));
            await db.SaveChangesAsync(Ct);
        }

        var codes = new List<string>();
        for (var page = 0; page < 25; page++)
        {
            var read = (await _kit.Badges.PageAsync(Actors.Organiser, _kit.EventId, BadgeSelection.Everyone, page, Ct)).Value!;
            read.TotalCount.ShouldBe(5000);
            read.Items.Count.ShouldBe(BadgeService.PageSize);
            read.Items.Select(b => b.Name).ShouldBeInOrder();
            codes.AddRange(read.Items.Select(b => b.CheckInCode));
        }

        codes.Distinct().Count().ShouldBe(5000);
        (await _kit.Badges.PageAsync(Actors.Organiser, _kit.EventId, BadgeSelection.Everyone, 25, Ct)).Value!.Items.ShouldBeEmpty();
        var late = (await _kit.Badges.PageAsync(Actors.Organiser, _kit.EventId, BadgeSelection.NotCheckedIn, 19, Ct)).Value!;
        late.TotalCount.ShouldBe(4000);
        late.Items.Count.ShouldBe(200);
    }

    [Fact]
    public async Task Owners_editors_and_viewers_print_badges_but_the_door_role_strangers_and_the_public_may_not()
    {
        await _kit.CodeOfAsync("Ann Example");
        await Teams.JoinEventAsync(_kit.Booking.Database, Actors.Viewer, _kit.EventId, TeamRole.Viewer);
        await Teams.JoinEventAsync(_kit.Booking.Database, Actors.Editor, _kit.EventId, TeamRole.Editor);
        await Teams.JoinEventAsync(_kit.Booking.Database, Actors.Door, _kit.EventId, TeamRole.Door, canSeeNeeds: true);
        await Teams.StoreAsync(_kit.Booking.Database, Actors.Stranger);

        foreach (var actor in new[] { Actors.Viewer, Actors.Editor })
        {
            (await _kit.Badges.PageAsync(actor, _kit.EventId, BadgeSelection.Everyone, 0, Ct)).Value!.TotalCount.ShouldBe(1);
        }

        var door = await _kit.Badges.PageAsync(Actors.Door, _kit.EventId, BadgeSelection.Everyone, 0, Ct);
        door.IsForbidden.ShouldBeTrue();
        door.Message.ShouldBe(EventHub.Core.Events.EventErrors.RoleDoesNotAllow.Message);
        (await _kit.Badges.PageAsync(Actors.Stranger, _kit.EventId, BadgeSelection.Everyone, 0, Ct)).IsNotFound.ShouldBeTrue();
        (await _kit.Badges.PageAsync(EventHub.Core.Common.Actor.Anonymous, _kit.EventId, BadgeSelection.Everyone, 0, Ct)).IsForbidden.ShouldBeTrue();
    }

    private async Task AddBookingsAsync(params (string Name, BookingStatus Status)[] people)
    {
        await using var db = _kit.Booking.Database.CreateDbContext();
        foreach (var (name, status) in people)
        {
            var booking = DashboardKit.NewBooking(_kit.EventId, $"{name.Replace(' ', '.')}@devon.gov.uk", status, _kit.Booking.Clock.GetUtcNow().UtcDateTime);
            booking.Name = name;
            db.Add(booking);
        }

        await db.SaveChangesAsync(Ct);
    }
}
