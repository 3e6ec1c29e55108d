using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Site;

/// <summary>The privacy notice, the accessibility statement and the footer, read over plain HTTP with the site's own settings.</summary>
public sealed partial class SitePagesTests : OwnAppTest
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["EventHub:Site:ControllerName"] = "Devon County Council",
        ["EventHub:Site:Organisation"] = "Devon Digital Team",
        ["EventHub:Site:ContactEmail"] = "events@devon.gov.uk",
        ["EventHub:Site:ContactAddress"] = "County Hall, Exeter EX2 4QD",
        ["Privacy:PersonalDataMonths"] = "9",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> PageAsync(string path)
    {
        using var client = App.CreateHttpClient();
        var response = await client.GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        var html = await response.Content.ReadAsStringAsync(Ct);
        H1().Count(html).ShouldBe(1, $"{path} has one h1");
        html.ShouldContain("<main", customMessage: path);
        return html;
    }

    [Fact]
    public async Task The_privacy_notice_names_the_controller_the_configured_retention_and_how_to_ask_for_access_or_erasure()
    {
        var html = await PageAsync("/privacy");

        html.ShouldContain("Devon County Council is the data controller");
        html.ShouldContain("9 months after the event");
        html.ShouldContain("mailto:events@devon.gov.uk");
        html.ShouldContain("to have it deleted");
        html.ShouldNotContain("\"type\":\"server\"", customMessage: "the page is rendered statically, with no interactive component");
    }

    [Fact]
    public async Task The_accessibility_statement_gives_the_organisation_its_contact_and_the_compliance_status()
    {
        var html = await PageAsync("/accessibility");

        html.ShouldContain("run by Devon Digital Team");
        html.ShouldContain("mailto:events@devon.gov.uk");
        html.ShouldContain("County Hall, Exeter EX2 4QD");
        html.ShouldContain("partially compliant with the Web Content Accessibility Guidelines");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/privacy")]
    public async Task Every_layout_has_a_footer_linking_both_pages_and_a_contact(string path)
    {
        var html = await PageAsync(path);

        var footer = html[html.IndexOf("data-testid=\"site-footer\"", StringComparison.Ordinal)..];
        footer.ShouldContain("href=\"/privacy\"");
        footer.ShouldContain("href=\"/accessibility\"");
        footer.ShouldContain("href=\"mailto:events@devon.gov.uk\"");
    }

    [Fact]
    public async Task An_event_with_its_own_notice_shows_it_and_a_draft_has_none()
    {
        var events = App.Service<EventService>();
        var organiser = Actor.System; // an administrator: events need an owner or an administrator now
        var start = DateTime.UtcNow.Date.AddDays(20).AddHours(9);
        EventInput Input(string title) => new()
        {
            Title = title, VenueName = "County Hall", Capacity = 80, StartLocal = start, EndLocal = start.AddHours(6),
            PrivacyNotice = "We share your name with **the venue's security desk**.",
        };
        var published = (await events.CreateAsync(organiser, Input("Forum"))).Value!;
        var draft = (await events.CreateAsync(organiser, Input("Draft"))).Value!;
        (await events.SetStatusAsync(organiser, published.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();

        var html = await PageAsync($"/events/{published.Slug}/privacy");
        using var client = App.CreateHttpClient();
        var hidden = await client.GetAsync($"/events/{draft.Slug}/privacy", Ct);

        html.ShouldContain("<strong>the venue's security desk</strong>");
        html.ShouldContain("Devon County Council keeps your name, email address, organisation and answers for 9 months after the event");
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}
