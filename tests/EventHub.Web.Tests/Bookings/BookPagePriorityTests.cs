using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Bookings;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventHub.Web.Tests.Bookings;

/// <summary>The book page before booking opens to everyone, with a stand-in priority source and the real services on real SQLite.</summary>
public sealed class BookPagePriorityTests : BunitContext, IAsyncLifetime
{
    private const string GoodToken = "a-good-priority-token-of-27c";
    private readonly PlainForm _request = new();
    private TestDatabase _database = default!;
    private BookingWriteGate _gate = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _gate = new BookingWriteGate();
        var clock = Clock.At();
        var priority = new PriorityAccess([new OneToken()]);
        JSInterop.Mode = JSRuntimeMode.Loose;
        PlainForm.AddServices(this);

        Services.AddSingleton(new PublicBooking(_database, clock, priority));
        Services.AddSingleton(new BookingService(_database, clock, _gate, priority));
        Services.AddSingleton(new Core.Privacy.PrivacyNotices(_database, Microsoft.Extensions.Options.Options.Create(new Core.Common.SiteSettings()),
            new Core.Privacy.RetentionService(_database, clock, Microsoft.Extensions.Options.Options.Create(new Core.Privacy.PrivacyOptions()))));
        await AddEventAsync(clock);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _gate.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_priority_link_is_carried_from_the_address_through_check_your_answers_to_the_confirmed_booking()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/events/forum/book?priority={GoodToken}");
        var page = Render<BookPage>(p => p.Add(x => x.Slug, "forum").AddCascadingValue(_request.Http));
        page.WaitForAssertion(() => page.Find("[data-testid=priority-notice]").TextContent.ShouldContain("You are booking early"));

        PlainForm.Type(page, "Name", "Ann Example");
        PlainForm.Type(page, "Email", "ann@devon.gov.uk");
        PlainForm.Type(page, "Organisation", "Devon County Council");
        PlainForm.Tick(page, "#PrivacyConsent");
        await _request.PressAsync(page, "[data-testid=continue]");
        page.Find("[data-testid=check-answers]");
        await _request.PressAsync(page, "[data-testid=confirm-booking]");

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Check your email"));
        await using var db = _database.CreateDbContext();
        var booking = await db.Set<Core.Bookings.Booking>().SingleAsync(Ct);
        booking.Email.ShouldBe("ann@devon.gov.uk");
        booking.Status.ShouldBe(Core.Bookings.BookingStatus.Confirmed);
    }

    [Fact]
    public void Without_a_good_link_the_page_says_when_booking_opens_and_offers_no_form()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/events/forum/book?priority=mistyped");
        var page = Render<BookPage>(p => p.Add(x => x.Slug, "forum").AddCascadingValue(_request.Http));

        page.WaitForAssertion(() => page.Find("[data-testid=booking-window]").TextContent.ShouldContain("Your priority booking link is not valid for this event"));
        page.FindAll("form").ShouldBeEmpty();
    }

    private async Task AddEventAsync(FakeTimeProvider clock)
    {
        await using var db = _database.CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new Event
        {
            Title = "Digital Forum", Slug = "forum", Status = EventStatus.Published, Capacity = 50,
            StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(7), BookingOpensUtc = now.AddDays(7),
            CreatedUtc = now, UpdatedUtc = now,
        });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A priority source that knows one token (the real ones are tested in Core).</summary>
    private sealed class OneToken : IPriorityAccess
    {
        public Task<string?> HolderAsync(int eventId, string token, CancellationToken ct) => Task.FromResult(token == GoodToken ? "ann@devon.gov.uk" : null);
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
}
