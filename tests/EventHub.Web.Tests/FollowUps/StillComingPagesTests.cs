using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.FollowUps;
using EventHub.Core.Events;
using EventHub.Web.Features.FollowUps;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.FollowUps;

public sealed class StillComingPagesTests : WebTestContext
{
    private readonly PlainForm _request = new();
    private BookingWriteGate _gate = default!;
    private BookingService _bookings = default!;
    private string _annToken = string.Empty;
    private int _annId;
    private int _bobId;

    protected override async Task OnInitializedAsync()
    {
        PlainForm.AddServices(this);
        _gate = new BookingWriteGate();
        _bookings = new BookingService(Core.Database, Core.Clock, _gate);
        Services.AddSingleton(new ReminderService(Core.Database, Core.Clock, _bookings));
        var now = Core.Clock.GetUtcNow().UtcDateTime;
        await using var db = Core.Database.CreateDbContext();
        var ev = new Event
        {
            Title = "Digital Forum", Slug = "digital-forum", Status = EventStatus.Published, Capacity = 1, VenueName = "County Hall",
            StartUtc = now.AddDays(10), EndUtc = now.AddDays(10).AddHours(6), BookingOpensUtc = now.AddDays(-1), BookingClosesUtc = now.AddDays(9),
            CreatedUtc = now, UpdatedUtc = now,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        var ann = await BookAsync(ev.Id, "Ann");
        var bob = await BookAsync(ev.Id, "Bob");
        (_annToken, _annId, _bobId) = (ann.ManageToken, ann.BookingId, bob.BookingId);
    }

    private async Task<BookingResult> BookAsync(int eventId, string name)
    {
        var form = new BookingForm { Name = name, Email = name.ToLowerInvariant() + "@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true };
        var booked = await _bookings.BookAsync(new BookingRequest(eventId, form));
        booked.Succeeded.ShouldBeTrue(string.Join("; ", booked.Errors.Select(e => e.Message)));
        return booked.Value!;
    }

    private async Task<BookingStatus> StatusAsync(int id)
    {
        await using var db = Core.Database.CreateDbContext();
        return await db.Set<EventHub.Core.Bookings.Booking>().Where(b => b.Id == id).Select(b => b.Status).SingleAsync();
    }

    private IRenderedComponent<ReleasePlacePage> RenderRelease(string path)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);
        return Render<ReleasePlacePage>(p => p.Add(x => x.Token, _annToken).AddCascadingValue(_request.Http));
    }

    private IRenderedComponent<StillComingPage> RenderStillComing(string path)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);
        return Render<StillComingPage>(p => p.Add(x => x.Token, _annToken).AddCascadingValue(_request.Http));
    }

    private string RedirectedTo => new Uri(Services.GetRequiredService<NavigationManager>().Uri).PathAndQuery;

    [Fact]
    public async Task Opening_the_release_link_changes_nothing_and_the_button_passes_the_place_to_the_waiting_list()
    {
        var page = RenderRelease(ManageRoutes.ReleasePlace(_annToken));
        page.Find("[data-testid=release-place]").Closest("form")!.GetAttribute("method").ShouldBe("post");
        (await StatusAsync(_annId)).ShouldBe(BookingStatus.Confirmed);

        await _request.PressAsync(page, "[data-testid=release-place]");

        (await StatusAsync(_annId)).ShouldBe(BookingStatus.Cancelled);
        (await StatusAsync(_bobId)).ShouldBe(BookingStatus.Offered);
        RedirectedTo.ShouldBe(ManageRoutes.ReleasePlace(_annToken) + "?done=released");
        RenderRelease(RedirectedTo).Find("[data-testid=place-released]");
    }

    [Fact]
    public async Task Opening_the_still_coming_link_records_nothing_until_the_button_is_pressed()
    {
        var page = RenderStillComing(ManageRoutes.StillComing(_annToken));
        page.Find("[data-testid=keep-place]").Closest("form")!.GetAttribute("method").ShouldBe("post");
        await using (var db = Core.Database.CreateDbContext())
        {
            (await db.Set<PlaceKept>().CountAsync()).ShouldBe(0);
        }

        await _request.PressAsync(page, "[data-testid=keep-place]");

        RedirectedTo.ShouldBe(ManageRoutes.StillComing(_annToken));
        RenderStillComing(RedirectedTo).Find("[data-testid=place-kept]");
        await using var check = Core.Database.CreateDbContext();
        (await check.Set<PlaceKept>().SingleAsync()).BookingId.ShouldBe(_annId);
    }

    [Fact]
    public void A_wrong_token_reveals_nothing()
    {
        var page = Render<StillComingPage>(p => p.Add(x => x.Token, "not-a-real-token"));

        page.WaitForAssertion(() => page.Find("[data-testid=invalid-link]"));
    }
}
