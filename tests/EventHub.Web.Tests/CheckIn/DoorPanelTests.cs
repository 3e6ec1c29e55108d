using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.CheckIn;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.CheckIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EventHub.Web.Tests.CheckIn;

/// <summary>The door panel over the real check-in service on a real SQLite file.</summary>
public sealed class DoorPanelTests : BunitContext, IAsyncLifetime
{
    private CheckInKit _kit = default!;
    private CountingDbFactory _contexts = default!;

    public async ValueTask InitializeAsync()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        _kit = await CheckInKit.CreateAsync();
        // The panel's service opens the same real database through a counter, so a test can see each reload.
        _contexts = new CountingDbFactory(_kit.Booking.Database);
        Services.AddSingleton(new CheckInService(_contexts, _kit.Booking.Clock, _kit.Live));
        Services.AddSingleton<ILiveSignal>(_kit.Live);
        // The panel renders its "ready" marker only in an interactive circuit, as on the real door page.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _kit.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private IRenderedComponent<DoorPanel> RenderDoor(Door? door = null)
    {
        var cut = Render<DoorPanel>(p => p.Add(c => c.Door, door ?? _kit.Organiser).Add(c => c.EventId, _kit.EventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=door-checked-in]").TextContent.ShouldNotBeEmpty());
        return cut;
    }

    private static void Scan(IRenderedComponent<DoorPanel> cut, string code)
    {
        cut.Find("#checkin-code").Change(code);
        cut.Find("form.checkin-scan").Submit();
    }

    private static string ResultText(IRenderedComponent<DoorPanel> cut) => cut.Find("[data-testid=checkin-result-text]").TextContent;

    [Fact]
    public async Task A_valid_code_says_checked_in_with_the_name_and_the_count_rises()
    {
        var code = await _kit.CodeOfAsync("Ann Example", "Devon County Council");
        var cut = RenderDoor();
        cut.Find("[data-testid=door-counts]").TextContent.ShouldContain("0 checked in of 1 confirmed");

        Scan(cut, "  " + code + " ");

        cut.WaitForAssertion(() => ResultText(cut).ShouldBe("Checked in"));
        cut.Find("[data-testid=checkin-result]").ClassList.ShouldContain("checkin-result--ok");
        cut.Find("[data-testid=checkin-result]").TextContent.ShouldContain("Ann Example, Devon County Council");
        cut.WaitForAssertion(() => cut.Find("[data-testid=door-counts]").TextContent.ShouldContain("1 checked in of 1 confirmed"));
        cut.Find("#checkin-code").GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task Already_checked_in_says_when_by_the_clock_of_the_event_zone()
    {
        var code = await _kit.CodeOfAsync("Ann Example");
        var cut = Render<DoorPanel>(p => p.Add(c => c.Door, _kit.Organiser).Add(c => c.EventId, _kit.EventId).Add(c => c.TimeZoneId, "America/New_York"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=door-checked-in]").TextContent.ShouldNotBeEmpty());
        Scan(cut, code);
        cut.WaitForAssertion(() => ResultText(cut).ShouldBe("Checked in"));

        Scan(cut, code);

        cut.WaitForAssertion(() => ResultText(cut).ShouldBe("Already checked in"));
        var at = _kit.Booking.Clock.GetUtcNow().UtcDateTime;
        cut.Find("[data-testid=checked-in-at]").TextContent.ShouldBe(
            $"At {EventHub.Core.Common.EventTime.FormatClock(at, "America/New_York")} by {Actors.Organiser.DisplayName}");
        cut.Find("[data-testid=checked-in-at]").TextContent.ShouldNotContain("UTC");
    }

    [Fact]
    public async Task A_second_scan_says_already_checked_in_with_who_made_the_first()
    {
        var code = await _kit.CodeOfAsync("Ann Example");
        var cut = RenderDoor();
        Scan(cut, code);
        cut.WaitForAssertion(() => ResultText(cut).ShouldBe("Checked in"));

        Scan(cut, code);

        cut.WaitForAssertion(() => ResultText(cut).ShouldBe("Already checked in"));
        cut.Find("[data-testid=checkin-result]").ClassList.ShouldContain("checkin-result--warning");
        cut.Find("[data-testid=checkin-result]").TextContent.ShouldContain("by " + Actors.Organiser.DisplayName);
        cut.WaitForAssertion(() => cut.Find("[data-testid=door-counts]").TextContent.ShouldContain("1 checked in of 1 confirmed"));
    }

    [Fact]
    public async Task An_unknown_code_says_not_valid_in_words_and_offers_no_undo()
    {
        await _kit.CodeOfAsync("Ann Example");
        var cut = RenderDoor();

        Scan(cut, "NOT-A-TICKET");

        cut.WaitForAssertion(() => ResultText(cut).ShouldBe("Not valid: we do not recognise this code"));
        cut.Find("[data-testid=checkin-result]").ClassList.ShouldContain("checkin-result--error");
        cut.FindAll("[data-testid=checkin-undo]").ShouldBeEmpty();
        cut.Find("[data-testid=door-counts]").TextContent.ShouldContain("0 checked in of 1 confirmed");
    }

    [Fact]
    public async Task A_person_with_access_needs_is_flagged_without_showing_the_details()
    {
        var form = BookingKit.Form("Ann Example");
        form.AccessNeeds = "Step-free route from the car park";
        var booked = await _kit.Booking.Bookings.BookAsync(new BookingRequest(_kit.EventId, form));
        var plain = await _kit.CodeOfAsync("Bob Example");
        var cut = RenderDoor();

        Scan(cut, booked.Value!.CheckInCode!);

        cut.WaitForAssertion(() => cut.Find("[data-testid=needs-attention]").TextContent.ShouldBe("Needs attention: ask the organiser's team"));
        cut.Markup.ShouldNotContain("Step-free");
        Scan(cut, plain);
        cut.WaitForAssertion(() => cut.Find("[data-testid=checkin-result]").TextContent.ShouldContain("Bob Example"));
        cut.FindAll("[data-testid=needs-attention]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Undo_takes_the_check_in_back_says_so_and_is_recorded()
    {
        var code = await _kit.CodeOfAsync("Ann Example");
        var cut = RenderDoor();
        Scan(cut, code);
        cut.WaitForAssertion(() => ResultText(cut).ShouldBe("Checked in"));

        cut.Find("[data-testid=checkin-undo]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=checkin-undone]").TextContent.ShouldBe("Check-in undone: Ann Example"));
        cut.FindAll("[data-testid=checkin-result]").ShouldBeEmpty();
        cut.WaitForAssertion(() => cut.Find("[data-testid=door-counts]").TextContent.ShouldContain("0 checked in of 1 confirmed"));
        var history = (await _kit.Service.UndoHistoryAsync(Actors.Organiser, _kit.EventId)).Value!;
        history.Rows.ShouldHaveSingleItem().Name.ShouldBe("Ann Example");
    }

    [Fact]
    public async Task Search_finds_someone_without_their_ticket_and_checks_them_in()
    {
        await _kit.CodeOfAsync("Ann Example");
        await _kit.CodeOfAsync("Bob Example");
        var cut = RenderDoor();

        cut.Find("#checkin-search").Input("ann");

        cut.WaitForAssertion(() => cut.Find(".checkin-found").TextContent.ShouldContain("Ann Example"));
        cut.Find(".checkin-found").TextContent.ShouldNotContain("Bob Example");
        cut.FindAll(".checkin-found button").ShouldHaveSingleItem().Click();
        cut.WaitForAssertion(() => ResultText(cut).ShouldBe("Checked in"));
        cut.Find(".checkin-found").TextContent.ShouldContain("(checked in)");
        cut.WaitForAssertion(() => cut.Find("[data-testid=door-counts]").TextContent.ShouldContain("1 checked in of 2 confirmed"));
    }

    [Fact]
    public async Task A_revoked_door_link_refuses_the_scan_in_words()
    {
        var code = await _kit.CodeOfAsync("Ann Example");
        var link = await _kit.LinkAsync();
        var cut = RenderDoor(Door.ForLink(link.Token));
        await _kit.Links.RevokeAsync(Actors.Organiser, link.Id);

        Scan(cut, code);

        cut.WaitForAssertion(() => ResultText(cut).ShouldBe(CheckInErrors.DoorLinkInvalid.Message));
        (await _kit.Service.CountsAsync(_kit.Organiser, _kit.EventId)).Value!.CheckedIn.ShouldBe(0);
    }

    [Fact]
    public async Task A_check_in_at_another_door_updates_the_count_without_a_reload()
    {
        var code = await _kit.CodeOfAsync("Ann Example");
        var cut = RenderDoor();

        await _kit.Service.CheckInAsync(code, _kit.Organiser, _kit.EventId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=door-counts]").TextContent.ShouldContain("1 checked in of 1 confirmed"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_scan_reloads_the_counts_once_not_twice()
    {
        var code = await _kit.CodeOfAsync("Ann Example");
        var cut = RenderDoor();
        var before = _contexts.Created;

        Scan(cut, code);

        cut.WaitForAssertion(() => cut.Find("[data-testid=door-counts]").TextContent.ShouldContain("1 checked in of 1 confirmed"));
        await Task.Delay(TimeSpan.FromMilliseconds(500), Xunit.TestContext.Current.CancellationToken);
        // One database context for the check-in itself and one for reloading the counts; a third is a second reload.
        (_contexts.Created - before).ShouldBe(2);
    }

    /// <summary>The real database, counting how often the service opens it: each reload of the counts opens it once.</summary>
    private sealed class CountingDbFactory(IDbContextFactory<EventHubDbContext> inner) : IDbContextFactory<EventHubDbContext>
    {
        private int _created;

        public int Created => Volatile.Read(ref _created);

        public EventHubDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _created);
            return inner.CreateDbContext();
        }
    }
}
