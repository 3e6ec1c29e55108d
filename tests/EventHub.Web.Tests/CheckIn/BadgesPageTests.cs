using Bunit;
using EventHub.Core.CheckIn;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.CheckIn;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.CheckIn;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.CheckIn;

public sealed class BadgesPageTests : CheckInPageContext
{
    protected override void AddPageServices(CheckInKit kit) => Services.AddSingleton(kit.Badges);

    [Fact]
    public async Task Ten_people_make_two_sheets_of_eight_and_two_each_badge_with_name_organisation_and_a_qr_of_the_ticket()
    {
        SignIn(Actors.Organiser);
        var codes = new Dictionary<string, string>();
        foreach (var i in Enumerable.Range(0, 10))
        {
            codes[$"Person {i:D2}"] = await Kit.CodeOfAsync($"Person {i:D2}", $"Council {i:D2}");
        }

        var cut = Render<BadgesPage>(p => p.Add(c => c.Id, Kit.EventId));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=badge-sheet]").Count.ShouldBe(2));
        var sheets = cut.FindAll("[data-testid=badge-sheet]");
        sheets[0].QuerySelectorAll("[data-testid=badge]").Length.ShouldBe(8);
        sheets[1].QuerySelectorAll("[data-testid=badge]").Length.ShouldBe(2);
        sheets[0].QuerySelector("h2")!.TextContent.ShouldBe("Sheet 1 of 2");
        cut.Find("[data-testid=badges-summary]").TextContent.ShouldBe("Badges 1 to 10 of 10, on 2 sheets.");
        cut.FindAll("[data-testid=badges-next]").ShouldBeEmpty();
        var first = cut.Find("[data-testid=badge]");
        first.QuerySelector("[data-testid=badge-name]")!.TextContent.ShouldBe("Person 00");
        first.TextContent.ShouldContain("Council 00");
        var qr = first.QuerySelector("[data-testid=badge-qr]")!;
        qr.GetAttribute("alt").ShouldBe("Ticket QR code for Person 00");
        var png = Convert.FromBase64String(qr.GetAttribute("src")!["data:image/png;base64,".Length..]);
        QrDecoder.Decode(png).ShouldBe(codes["Person 00"]);
        cut.Find("[data-testid=badges-everyone]").HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task Chosen_from_the_address_only_people_not_yet_checked_in_are_printed()
    {
        SignIn(Actors.Organiser);
        var ann = await Kit.CodeOfAsync("Ann Arrived");
        await Kit.CodeOfAsync("Bob Late");
        (await Kit.Service.CheckInAsync(ann, Kit.Organiser, Kit.EventId)).Status.ShouldBe(CheckInStatus.CheckedIn);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/organiser/events/{Kit.EventId}/badges?who=NotCheckedIn");

        var cut = Render<BadgesPage>(p => p.Add(c => c.Id, Kit.EventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=badge-name]").TextContent.ShouldBe("Bob Late"));
        cut.FindAll("[data-testid=badge]").Count.ShouldBe(1);
        cut.Find("[data-testid=badges-not-checked-in]").HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task A_door_volunteer_is_told_their_role_does_not_allow_it_and_sees_no_badge()
    {
        await Kit.CodeOfAsync("Ann Example");
        await Teams.JoinEventAsync(Kit.Booking.Database, Actors.Door, Kit.EventId, TeamRole.Door);
        SignIn(Actors.Door);

        var cut = Render<BadgesPage>(p => p.Add(c => c.Id, Kit.EventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=badges-refused]").TextContent.ShouldBe(EventHub.Core.Events.EventErrors.RoleDoesNotAllow.Message));
        cut.FindAll("[data-testid=badge]").ShouldBeEmpty();
        cut.Markup.ShouldNotContain("Ann Example");
    }

    [Theory]
    [InlineData(TeamRole.Editor, "check-in-door-links-link check-in-door-list-link check-in-attendance-link offline-door-link check-in-badges-link", true)]
    [InlineData(TeamRole.Viewer, "check-in-attendance-link check-in-badges-link", false)]
    [InlineData(TeamRole.Door, "check-in-door-list-link offline-door-link", true)]
    public async Task The_check_in_page_links_only_what_the_role_may_use_and_the_door_only_to_those_who_may_work_it(TeamRole role, string links, bool works)
    {
        var actor = role switch { TeamRole.Editor => Actors.Editor, TeamRole.Viewer => Actors.Viewer, _ => Actors.Door };
        await Teams.JoinEventAsync(Kit.Booking.Database, actor, Kit.EventId, role);
        Services.AddSingleton(new EventAccess(Kit.Booking.Database));
        ComponentFactories.AddStub<DoorPanel>();
        SignIn(actor);

        var cut = Render<OrganiserCheckInPage>(p => p.Add(c => c.Id, Kit.EventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=check-in-links]"));
        cut.FindAll("[data-testid=check-in-links] a").Select(a => a.GetAttribute("data-testid")).ShouldBe(links.Split(' '));
        cut.FindAll("[data-testid=check-in-not-door]").Count.ShouldBe(works ? 0 : 1);
        if (links.Contains("check-in-badges-link", StringComparison.Ordinal))
        {
            cut.Find("[data-testid=check-in-badges-link]").GetAttribute("href").ShouldBe($"/organiser/events/{Kit.EventId}/badges");
        }
    }

    [Fact]
    public async Task The_owner_is_linked_the_badges_from_the_check_in_page()
    {
        Services.AddSingleton(new EventAccess(Kit.Booking.Database));
        ComponentFactories.AddStub<DoorPanel>();
        SignIn(Actors.Organiser);

        var cut = Render<OrganiserCheckInPage>(p => p.Add(c => c.Id, Kit.EventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=check-in-badges-link]").TextContent.ShouldBe("Name badges"));
    }
}
