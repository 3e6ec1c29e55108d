using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.OpenSpace;

namespace EventHub.Web.Tests.OpenSpace;

public sealed class TicketHolderPanelTests : BoardContext
{
    private async Task<string> HolderAsync(string name = "Ann Attendee")
    {
        await using var db = Database.CreateDbContext();
        var token = SecureTokens.New();
        db.Add(new EventHub.Core.Bookings.Booking
        {
            EventId = EventId, Reference = "EH-" + SecureTokens.New()[..8], ManageToken = token, CheckInCode = "CHK-" + SecureTokens.New(),
            Name = name, Email = "ann@devon.gov.uk", NormalisedEmail = "ann@devon.gov.uk", Status = BookingStatus.Confirmed,
        });
        await db.SaveChangesAsync();
        return token;
    }

    [Fact]
    public async Task A_proposal_with_errors_keeps_what_was_typed_and_a_good_one_joins_the_queue()
    {
        var token = await HolderAsync();
        var panel = Render<TicketHolderPanel>(p => p.Add(x => x.Token, token));
        panel.Find("#proposal-ConvenerName").GetAttribute("value").ShouldBe("Ann Attendee");

        panel.Find("#proposal-Description").Change("We tried three chatbots");
        panel.Find("[data-testid=proposal-form]").Submit();

        panel.WaitForAssertion(() => panel.Find("[data-testid=proposal-errors]").TextContent.ShouldContain("There is a problem"));
        panel.Find("#proposal-Description").GetAttribute("value").ShouldBe("We tried three chatbots");
        panel.Find("#proposal-Title").GetAttribute("aria-invalid").ShouldBe("true");

        panel.Find("#proposal-Title").Change("Chatbots <for> council tax");
        panel.Find("[data-testid=proposal-form]").Submit();

        panel.WaitForAssertion(() => panel.Find("[data-testid=holder-message]").TextContent.ShouldContain("is in the pitch queue"));
        panel.FindAll("[data-testid=proposal-errors]").ShouldBeEmpty();
        panel.Find("[data-testid=holder-proposals]").TextContent.ShouldContain("In the pitch queue, number 1 of 1");
        panel.Markup.ShouldContain("Chatbots &lt;for&gt; council tax");
        panel.Find("#proposal-Title").GetAttribute("value").ShouldBeNullOrEmpty();
        (await Layout.GetBoardAsync(Actor.Anonymous, EventId))!.Queue.Single().ConvenerName.ShouldBe("Ann Attendee");
    }

    [Fact]
    public async Task Interest_can_be_marked_and_cleared_from_the_panel()
    {
        var token = await HolderAsync();
        var proposal = (await Queue.ProposeOnBehalfAsync(Actors.Organiser, EventId, new ProposalInput("Open data", "Dee"))).Value!.Id;
        var session = (await Placement.PlaceAsync(Actors.Organiser, proposal, RoomId, SlotId)).Value!.SessionId;
        var panel = Render<TicketHolderPanel>(p => p.Add(x => x.Token, token));
        var button = $"[data-testid=holder-interest-{session}]";
        panel.Find(button).GetAttribute("aria-pressed").ShouldBe("false");

        panel.Find(button).Click();

        panel.WaitForAssertion(() => panel.Find(button).GetAttribute("aria-pressed").ShouldBe("true"));
        panel.Find("[data-testid=holder-message]").TextContent.ShouldContain("You are down as interested in “Open data”");
        panel.Find(button).Click();
        panel.WaitForAssertion(() => panel.Find(button).GetAttribute("aria-pressed").ShouldBe("false"));
    }

    [Fact]
    public async Task The_panel_shows_where_a_proposal_was_placed_when_the_board_changes_elsewhere()
    {
        var token = await HolderAsync();
        var proposal = (await Services.GetService<TicketHolderBoardService>()!.ProposeAsync(token, new ProposalInput("Open data", null))).Value!.Id;
        var panel = Render<TicketHolderPanel>(p => p.Add(x => x.Token, token));
        panel.Find($"[data-testid=holder-proposal-{proposal}]").TextContent.ShouldContain("In the pitch queue");

        await Placement.PlaceAsync(Actors.Organiser, proposal, RoomId, SlotId);

        panel.WaitForAssertion(() => panel.Find($"[data-testid=holder-proposal-{proposal}]").TextContent.ShouldContain("Garden room"), TimeSpan.FromSeconds(5));
        Signal.ListenerCount(EventId).ShouldBe(1);
    }

    [Fact]
    public void A_wrong_token_shows_nothing()
    {
        var panel = Render<TicketHolderPanel>(p => p.Add(x => x.Token, "not-a-token"));

        panel.Markup.Trim().ShouldBeEmpty();
    }
}
