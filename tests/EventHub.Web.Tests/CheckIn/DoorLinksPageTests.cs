using Bunit;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Tests.CheckIn;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.CheckIn;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.CheckIn;

public sealed class DoorLinksPageTests : CheckInPageContext
{
    protected override void AddPageServices(CheckInKit kit)
    {
        Services.AddSingleton(kit.Links);
        SignIn(Actors.Organiser);
    }

    [Fact]
    public async Task Times_are_typed_and_shown_in_the_event_time_zone_across_the_autumn_clock_change()
    {
        var cut = Render<DoorLinksPage>(p => p.Add(c => c.Id, Kit.EventId));
        cut.Find("[data-testid=door-link-zone]").TextContent.ShouldContain("Europe/London");

        cut.Find("#link-Label").Change("Night door");
        cut.Find("#link-ValidFromLocal").Change("2026-10-24T18:00:00");
        cut.Find("#link-ValidUntilLocal").Change("2026-10-25T09:00:00");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=door-link-window]").TextContent
            .ShouldBe("Saturday 24 October 2026, 6pm BST to Sunday 25 October 2026, 9am GMT"));
        var link = (await Kit.Links.ListAsync(Actors.Organiser, Kit.EventId)).ShouldHaveSingleItem();
        link.ValidFromUtc.ShouldBe(new DateTime(2026, 10, 24, 17, 0, 0, DateTimeKind.Utc));
        link.ValidUntilUtc.ShouldBe(new DateTime(2026, 10, 25, 9, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task The_times_default_to_the_event_days_start_and_end_on_its_wall_clock_not_today()
    {
        // The fake clock says 2 November 2026; the event is in summer time in London, on 20 October 2026.
        await Kit.SetEventTimesAsync(new DateTime(2026, 10, 20, 8, 30, 0, DateTimeKind.Utc), new DateTime(2026, 10, 20, 15, 0, 0, DateTimeKind.Utc));

        var cut = Render<DoorLinksPage>(p => p.Add(c => c.Id, Kit.EventId));

        cut.WaitForAssertion(() => cut.Find("#link-ValidFromLocal").GetAttribute("value")!.ShouldStartWith("2026-10-20T09:30"));
        cut.Find("#link-ValidUntilLocal").GetAttribute("value")!.ShouldStartWith("2026-10-20T16:00");
    }

    [Fact]
    public void A_time_skipped_by_the_spring_clock_change_is_refused_and_the_typed_values_stay()
    {
        var cut = Render<DoorLinksPage>(p => p.Add(c => c.Id, Kit.EventId));

        cut.Find("#link-Label").Change("Early door");
        cut.Find("#link-ValidFromLocal").Change("2027-03-28T01:30:00");
        cut.Find("#link-ValidUntilLocal").Change("2027-03-28T09:00:00");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]").TextContent.ShouldContain("clocks go forward"));
        cut.Find("[data-testid=error-summary] a").GetAttribute("href")!.ShouldEndWith("#link-ValidFromLocal");
        cut.Find("#link-Label").GetAttribute("value").ShouldBe("Early door");
        cut.FindAll("[data-testid=door-link-window]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Revoking_a_link_that_is_already_gone_says_so_instead_of_saying_nothing()
    {
        var link = await Kit.LinkAsync("Side door");
        var cut = Render<DoorLinksPage>(p => p.Add(c => c.Id, Kit.EventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=door-link-revoke]").TextContent.ShouldContain("Revoke Side door"));
        await Kit.Links.RevokeAsync(Actors.Organiser, link.Id);

        cut.Find("[data-testid=door-link-revoke]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]").TextContent.ShouldContain(CheckInErrors.DoorLinkGone.Message));
    }

    [Fact]
    public async Task A_new_link_is_shown_once_and_reissuing_shows_a_new_one_and_stops_the_old()
    {
        var cut = Render<DoorLinksPage>(p => p.Add(c => c.Id, Kit.EventId));
        cut.Find("#link-Label").Change("Main entrance phone");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=door-link-issued]").TextContent.ShouldContain("Copy it now; it is not shown again."));
        var first = cut.Find("[data-testid=door-link-url]").GetAttribute("href")!;
        first.ShouldStartWith("/door/");
        (await HashesAsync()).ShouldBe([SecureTokens.Hash(first["/door/".Length..])]);
        Render<DoorLinksPage>(p => p.Add(c => c.Id, Kit.EventId)).FindAll("[data-testid=door-link-url]").ShouldBeEmpty("the link is not shown again");

        cut.Find("[data-testid=door-link-reissue]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=door-link-url]").GetAttribute("href").ShouldNotBe(first));
        var second = cut.Find("[data-testid=door-link-url]").GetAttribute("href")!;
        (await HashesAsync()).ShouldBe([SecureTokens.Hash(second["/door/".Length..])], "the old link stops working at once");
        cut.Find("[data-testid=door-link-url]").TextContent.ShouldEndWith(second);
    }

    [Fact]
    public async Task A_window_ending_after_the_day_after_the_event_is_refused_on_its_field_and_the_typed_values_stay()
    {
        await Kit.SetEventTimesAsync(new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 2, 16, 0, 0, DateTimeKind.Utc));

        var cut = Render<DoorLinksPage>(p => p.Add(c => c.Id, Kit.EventId));
        cut.Find("#link-Label").Change("Late door");
        cut.Find("#link-ValidFromLocal").Change("2026-12-02T08:00:00");
        cut.Find("#link-ValidUntilLocal").Change("2026-12-04T09:00:00");
        cut.Find("form").Submit();

        const string message = "A door link must stop working by the end of Thursday 3 December 2026, the day after the event";
        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]").TextContent.ShouldContain(message));
        cut.Find("[data-testid=error-summary] a").GetAttribute("href")!.ShouldEndWith("#link-ValidUntilLocal");
        cut.Find("#link-ValidUntilLocal-error").TextContent.ShouldContain(message);
        cut.Find("#link-ValidUntilLocal").GetAttribute("aria-describedby")!.ShouldContain("link-ValidUntilLocal-error");
        cut.Find("#link-ValidUntilLocal").GetAttribute("value")!.ShouldStartWith("2026-12-04T09:00");
        cut.Find("#link-Label").GetAttribute("value").ShouldBe("Late door");
        cut.FindAll("[data-testid=door-link-issued]").ShouldBeEmpty();
        (await Kit.Links.ListAsync(Actors.Organiser, Kit.EventId)).ShouldBeEmpty();
    }

    private async Task<IReadOnlyList<string>> HashesAsync() =>
        (await Kit.Links.ListAsync(Actors.Organiser, Kit.EventId)).Select(l => l.TokenHash).ToList();
}
