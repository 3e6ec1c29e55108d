using Bunit;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Web.Features.Events.Organiser;
using EventHub.Web.Tests.Access;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Events;

/// <summary>
/// The links on an event's organiser page, for each team role, with the links the features add as the real app adds
/// them (the app fixture runs its start-up, which maps every feature): each role sees the pages it may open, and an
/// organiser with no place on the team sees none of them.
/// </summary>
public sealed class EventPageLinkListTests : BunitContext, IClassFixture<OrganiserEndpointsTests.App>
{
    private static readonly Event OpenSpace = new()
    {
        Id = 41, Title = "Library Camp", Slug = "library-camp", Kind = EventKind.OpenSpace, Status = EventStatus.Published, SeriesId = 7,
    };

    public EventPageLinkListTests(OrganiserEndpointsTests.App app)
    {
        // Starting the app maps the features, which add their links.
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<EventAccess>();
    }

    public static TheoryData<string, string[]> Roles => new()
    {
        {
            "Owner",
            ["Edit details", "Team", "View the public page", "Attendees", "Booking settings", "Audit log", "Check-in", "Name badges", "Email attendees", "Reminders",
                "Feedback", "Open Space board", "Pitch desk", "Notes, materials and proceedings", "Announce to the mailing list"]
        },
        {
            "Editor",
            ["Edit details", "Team", "View the public page", "Attendees", "Booking settings", "Check-in", "Name badges", "Email attendees", "Reminders",
                "Feedback", "Open Space board", "Pitch desk", "Notes, materials and proceedings", "Announce to the mailing list"]
        },
        { "Door", ["Team", "View the public page", "Check-in", "Pitch desk"] },
        { "Viewer", ["Team", "View the public page", "Attendees", "Name badges", "Feedback"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public void Each_role_is_offered_exactly_the_pages_it_may_open(string role, string[] expected)
    {
        var permissions = new EventPermissions(OpenSpace.Id, AccessRules.For(Enum.Parse<TeamRole>(role), canSeeNeeds: false));

        var cut = Render<EventPageLinkList>(p => p.Add(c => c.Event, OpenSpace).Add(c => c.Permissions, permissions));

        cut.FindAll("a").Select(a => a.TextContent.Trim()).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public void An_organiser_with_no_place_on_the_team_is_offered_nothing()
    {
        var cut = Render<EventPageLinkList>(p => p.Add(c => c.Event, OpenSpace).Add(c => c.Permissions, new EventPermissions(OpenSpace.Id, new HashSet<Permission>())));

        cut.FindAll("a").ShouldBeEmpty();
    }

    [Fact]
    public void A_forum_outside_a_series_has_no_board_pitch_desk_or_mailing_list_links_even_for_its_owner()
    {
        var forum = new Event { Id = 42, Title = "Forum", Slug = "forum", Kind = EventKind.Forum, Status = EventStatus.Draft };

        var cut = Render<EventPageLinkList>(p => p.Add(c => c.Event, forum).Add(c => c.Permissions, new EventPermissions(forum.Id, AccessRules.For(TeamRole.Owner, false))));

        var texts = cut.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        texts.ShouldContain("Attendees");
        texts.ShouldNotContain("Open Space board");
        texts.ShouldNotContain("Pitch desk");
        texts.ShouldNotContain("Announce to the mailing list");
        texts.ShouldNotContain("View the public page");
    }

    [Fact]
    public void A_feature_mapped_again_by_another_app_host_adds_its_link_once()
    {
        var ev = new Event { Id = 987_654, Title = "Twice", Slug = "twice", Kind = EventKind.Forum, Status = EventStatus.Draft };
        var permissions = new EventPermissions(ev.Id, AccessRules.For(TeamRole.Owner, false));

        // As each app host's start-up does: the same line run twice.
        for (var i = 0; i < 2; i++)
        {
            EventPageLinks.Add(Permission.Edit, e => e.Id == 987_654 ? ($"/organiser/events/{e.Id}/twice", "Only for the twice test") : null);
        }

        EventPageLinks.For(ev, permissions).Count(l => l.Text == "Only for the twice test").ShouldBe(1);
    }
}
