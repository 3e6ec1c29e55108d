using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.OpenSpace;
using EventHub.Web.Features.Site;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.OpenSpace;

/// <summary>
/// Proposals and interest marks from a manage link are plain forms posted to the manage page: the panel asks the
/// limiter (per client address and target) before Core, and over the limit says when to try again, keeping what was typed.
/// </summary>
public sealed class TicketHolderRateLimitTests : BoardContext
{
    private readonly PlainForm _request = new();

    public TicketHolderRateLimitTests()
    {
        PlainForm.AddServices(this);
    }

    private async Task<string> HolderAsync()
    {
        await using var db = Database.CreateDbContext();
        var token = SecureTokens.New();
        db.Add(new EventHub.Core.Bookings.ManageLink
        {
            TokenHash = SecureTokens.Hash(token), Purpose = "test",
            Booking = new EventHub.Core.Bookings.Booking
            {
                EventId = EventId, Reference = "EH-" + SecureTokens.New()[..8], CheckInCode = "CHK-" + SecureTokens.New(),
                Name = "Ann Attendee", Email = "ann@devon.gov.uk", NormalisedEmail = "ann@devon.gov.uk", Status = BookingStatus.Confirmed,
            },
        });
        await db.SaveChangesAsync();
        return token;
    }

    private IRenderedComponent<TicketHolderPanel> RenderPanel(string token)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(ManageRoutes.Manage(token));
        return Render<TicketHolderPanel>(p => p
            .Add(x => x.Token, token)
            .AddCascadingValue(_request.Http)
            .AddCascadingValue(new ClientAddress("203.0.113.7")));
    }

    [Fact]
    public async Task A_second_proposal_over_the_limit_is_refused_with_when_to_try_again_and_never_reaches_the_queue()
    {
        RateLimits.Enabled = true;
        RateLimits.Proposal = new RateLimitRule(1, TimeSpan.FromMinutes(10));
        var token = await HolderAsync();
        var panel = RenderPanel(token);
        PlainForm.Type(panel, "proposal-Title", "Chatbots for council tax");
        await _request.PressAsync(panel, "[data-testid=propose-session]");
        (await Layout.GetBoardAsync(Actor.Anonymous, EventId))!.Queue.Count.ShouldBe(1);

        panel = RenderPanel(token);
        PlainForm.Type(panel, "proposal-Title", "Open data for buses");
        await _request.PressAsync(panel, "[data-testid=propose-session]");

        panel.Find("[data-testid=proposal-errors]").TextContent
            .ShouldContain("There have been too many session proposals from your network. Try again in 10 minutes.");
        panel.Find("#proposal-Title").GetAttribute("value").ShouldBe("Open data for buses");
        (await Layout.GetBoardAsync(Actor.Anonymous, EventId))!.Queue.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Interest_marks_over_the_limit_are_refused()
    {
        RateLimits.Enabled = true;
        RateLimits.Interest = new RateLimitRule(1, TimeSpan.FromMinutes(10));
        var token = await HolderAsync();
        var proposal = (await Queue.ProposeOnBehalfAsync(Actors.Organiser, EventId, new ProposalInput("Open data", "Dee"))).Value!.Id;
        var session = (await Placement.PlaceAsync(Actors.Organiser, proposal, RoomId, SlotId)).Value!.SessionId;
        var button = $"[data-testid=holder-interest-{session}]";
        var panel = RenderPanel(token);
        await _request.PressAsync(panel, button);
        RenderPanel(token).Find(button).GetAttribute("aria-pressed").ShouldBe("true");

        panel = RenderPanel(token);
        await _request.PressAsync(panel, button);

        panel.Find("[data-testid=proposal-errors]").TextContent.ShouldContain("too many interest marks");
        RenderPanel(token).Find(button).GetAttribute("aria-pressed").ShouldBe("true", "the refused mark never reached Core");
    }
}
