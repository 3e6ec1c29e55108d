using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.OpenSpace;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.OpenSpace;

/// <summary>
/// The ticket holder's panel on the static manage page: plain POST forms, a redirect back that says what happened, and
/// what was typed kept on a mistake. The browser journeys (JavaScript on and off) are in the EndToEnd project.
/// </summary>
public sealed class TicketHolderPanelTests : BoardContext
{
    private readonly PlainForm _request = new();

    public TicketHolderPanelTests()
    {
        PlainForm.AddServices(this);
    }

    private IRenderedComponent<TicketHolderPanel> RenderPanel(string token, string? query = null)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(ManageRoutes.Manage(token) + query);
        return Render<TicketHolderPanel>(p => p.Add(x => x.Token, token).AddCascadingValue(_request.Http));
    }

    private string RedirectedTo => new Uri(Services.GetRequiredService<NavigationManager>().Uri).PathAndQuery;

    private async Task<string> HolderAsync(string name = "Ann Attendee")
    {
        await using var db = Database.CreateDbContext();
        var token = SecureTokens.New();
        db.Add(new EventHub.Core.Bookings.ManageLink
        {
            TokenHash = SecureTokens.Hash(token), Purpose = "test",
            Booking = new EventHub.Core.Bookings.Booking
            {
                EventId = EventId, Reference = "EH-" + SecureTokens.New()[..8], CheckInCode = "CHK-" + SecureTokens.New(),
                Name = name, Email = "ann@devon.gov.uk", NormalisedEmail = "ann@devon.gov.uk", Status = BookingStatus.Confirmed,
            },
        });
        await db.SaveChangesAsync();
        return token;
    }

    [Fact]
    public async Task A_proposal_with_errors_keeps_what_was_typed_and_a_good_one_joins_the_queue()
    {
        var token = await HolderAsync();
        var panel = RenderPanel(token);
        panel.Find("[data-testid=proposal-form]").GetAttribute("method").ShouldBe("post");
        panel.Find("#proposal-ConvenerName").GetAttribute("value").ShouldBe("Ann Attendee");
        PlainForm.Type(panel, "proposal-Description", "We tried three chatbots");

        await _request.PressAsync(panel, "[data-testid=propose-session]");

        panel.Find("[data-testid=proposal-errors]").TextContent.ShouldContain("There is a problem");
        panel.Find("#proposal-Description").GetAttribute("value").ShouldBe("We tried three chatbots");
        panel.Find("#proposal-ConvenerName").GetAttribute("value").ShouldBe("Ann Attendee");
        panel.Find("#proposal-Title").GetAttribute("aria-invalid").ShouldBe("true");
        PlainForm.Type(panel, "proposal-Title", "Chatbots <for> council tax");

        await _request.PressAsync(panel, "[data-testid=propose-session]");

        var proposal = (await Layout.GetBoardAsync(Actor.Anonymous, EventId))!.Queue.Single();
        proposal.ConvenerName.ShouldBe("Ann Attendee");
        RedirectedTo.ShouldBe($"/manage/{token}?proposed={proposal.Id}");
        var after = RenderPanel(token, $"?proposed={proposal.Id}");
        after.Find("[data-testid=holder-message]").TextContent.ShouldContain("is in the pitch queue");
        after.FindAll("[data-testid=proposal-errors]").ShouldBeEmpty();
        after.Find("[data-testid=holder-proposals]").TextContent.ShouldContain("In the pitch queue, number 1 of 1");
        after.Markup.ShouldContain("Chatbots &lt;for&gt; council tax");
        after.Find("#proposal-Title").GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task Interest_can_be_marked_and_cleared_with_the_plain_form()
    {
        var token = await HolderAsync();
        var proposal = (await Queue.ProposeOnBehalfAsync(Actors.Organiser, EventId, new ProposalInput("Open data", "Dee"))).Value!.Id;
        var session = (await Placement.PlaceAsync(Actors.Organiser, proposal, RoomId, SlotId)).Value!.SessionId;
        var panel = RenderPanel(token);
        var button = $"[data-testid=holder-interest-{session}]";
        panel.Find(button).GetAttribute("aria-pressed").ShouldBe("false");

        await _request.PressAsync(panel, button);

        RedirectedTo.ShouldBe($"/manage/{token}?interested={session}");
        var marked = RenderPanel(token, $"?interested={session}");
        marked.Find(button).GetAttribute("aria-pressed").ShouldBe("true");
        marked.Find("[data-testid=holder-message]").TextContent.ShouldContain("You are down as interested in “Open data”");

        await _request.PressAsync(marked, button);

        RedirectedTo.ShouldBe($"/manage/{token}?not-interested={session}");
        var cleared = RenderPanel(token, $"?not-interested={session}");
        cleared.Find(button).GetAttribute("aria-pressed").ShouldBe("false");
        cleared.Find("[data-testid=holder-message]").TextContent.ShouldContain("no longer down as interested");
    }

    [Fact]
    public async Task The_panel_shows_where_a_proposal_was_placed_when_the_page_is_opened_again()
    {
        var token = await HolderAsync();
        var proposal = (await Services.GetService<TicketHolderBoardService>()!.ProposeAsync(token, new ProposalInput("Open data", null))).Value!.Id;
        Render<TicketHolderPanel>(p => p.Add(x => x.Token, token)).Find($"[data-testid=holder-proposal-{proposal}]").TextContent.ShouldContain("In the pitch queue");

        await Placement.PlaceAsync(Actors.Organiser, proposal, RoomId, SlotId);

        Render<TicketHolderPanel>(p => p.Add(x => x.Token, token)).Find($"[data-testid=holder-proposal-{proposal}]").TextContent.ShouldContain("Garden room");
        Signal.ListenerCount(EventId).ShouldBe(0, "the static manage page holds no subscription");
    }

    [Fact]
    public void A_wrong_token_shows_nothing()
    {
        var panel = Render<TicketHolderPanel>(p => p.Add(x => x.Token, "not-a-token"));

        panel.Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_holder_who_asked_to_be_credited_withdraws_their_name_once_they_tick_to_confirm()
    {
        var token = await HolderAsync();
        var holders = Services.GetRequiredService<TicketHolderBoardService>();
        (await holders.ProposeAsync(token, new ProposalInput("Chatbots for council tax", "Ann Attendee", null, CreditByName: true))).Succeeded.ShouldBeTrue();
        var panel = RenderPanel(token);
        panel.Find("[data-testid=withdraw-name-form]").GetAttribute("method").ShouldBe("post");

        await _request.PressAsync(panel, "[data-testid=withdraw-name]");

        panel.Find("[data-testid=withdraw-errors]").TextContent.ShouldContain("Tick the box to confirm");
        (await Layout.GetBoardAsync(Actor.Anonymous, EventId))!.Queue.Single().ConvenerName.ShouldBe("Ann Attendee");
        PlainForm.Tick(panel, "[data-testid=withdraw-confirm]");

        await _request.PressAsync(panel, "[data-testid=withdraw-name]");

        RedirectedTo.ShouldBe(ManageRoutes.Manage(token) + "?name-withdrawn=true");
        (await Layout.GetBoardAsync(Actor.Anonymous, EventId))!.Queue.Single().ConvenerName.ShouldBe(Credit.Participant);
        var after = RenderPanel(token, "?name-withdrawn=true");
        after.Find("[data-testid=holder-message]").TextContent.ShouldContain("Your name is withdrawn");
        after.FindAll("[data-testid=withdraw-name-form]").ShouldBeEmpty();
    }
}
