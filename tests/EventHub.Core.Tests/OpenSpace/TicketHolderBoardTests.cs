using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

public sealed class TicketHolderBoardTests
{
    internal static async Task<string> HolderAsync(BoardFixture f, string name, BookingStatus status = BookingStatus.Confirmed, int? eventId = null)
    {
        await using var db = f.Database.CreateDbContext();
        var token = SecureTokens.New();
        db.Add(new EventHub.Core.Bookings.ManageLink
        {
            TokenHash = SecureTokens.Hash(token),
            Purpose = "test",
            Booking = new EventHub.Core.Bookings.Booking
            {
                EventId = eventId ?? f.EventId,
                Reference = "EH-" + SecureTokens.New()[..8],
                CheckInCode = "CHK-" + SecureTokens.New(),
                Name = name,
                Email = name.Split(' ')[0].ToLowerInvariant() + "@devon.gov.uk",
                NormalisedEmail = name.Split(' ')[0].ToLowerInvariant() + "@devon.gov.uk",
                Status = status,
                CreatedUtc = f.Clock.GetUtcNow().UtcDateTime,
            },
        });
        await db.SaveChangesAsync();
        return token;
    }

    private static TicketHolderBoardService Holders(BoardFixture f) => new(f.Database, f.Queue, f.Interest, f.Clock);

    [Fact]
    public async Task A_confirmed_ticket_holder_proposes_a_session_that_joins_the_queue_linked_to_their_booking()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.ProposeAsync("Pitched at the desk");
        var ann = await HolderAsync(f, "Ann Attendee");

        var outcome = await Holders(f).ProposeAsync(ann, new ProposalInput("Chatbots for council tax", null, "What worked"));

        outcome.Succeeded.ShouldBeTrue();
        outcome.Value!.ConvenerName.ShouldBe("Ann Attendee");
        await using var db = f.Database.CreateDbContext();
        var stored = await db.Set<Proposal>().SingleAsync(p => p.Id == outcome.Value.Id);
        stored.ProposerBookingId.ShouldNotBeNull();
        stored.Status.ShouldBe(ProposalStatus.Queued);
        var view = (await Holders(f).GetAsync(ann))!;
        view.CanPropose.ShouldBeTrue();
        view.Proposals.Single().Where.ShouldBe("In the pitch queue, number 2 of 2");
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.EventId))!.Queue.Select(q => q.Title).ShouldBe(["Pitched at the desk", "Chatbots for council tax"]);
    }

    [Fact]
    public async Task A_proposal_keeps_the_rules_of_the_pitch_desk()
    {
        await using var f = await BoardFixture.CreateAsync();
        var ann = await HolderAsync(f, "Ann Attendee");

        var outcome = await Holders(f).ProposeAsync(ann, new ProposalInput(" ", null, new string('x', OpenSpaceRules.MaxDescriptionLength + 1)));

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.Select(e => e.Field).ShouldContain(nameof(ProposalInput.Title));
        outcome.Errors.Select(e => e.Field).ShouldContain(nameof(ProposalInput.Description));
    }

    [Fact]
    public async Task Waiting_cancelled_unknown_and_forum_bookings_cannot_propose_or_mark_interest()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("On the board", f.BigRoom, f.Morning);
        var waiting = await HolderAsync(f, "Wendy Waiting", BookingStatus.Waiting);
        var cancelled = await HolderAsync(f, "Carl Cancelled", BookingStatus.Cancelled);
        int forumId;
        await using (var db = f.Database.CreateDbContext())
        {
            var forum = new Event { Title = "Forum", Slug = "forum", Kind = EventKind.Forum, Status = EventStatus.Published, StartUtc = f.Clock.GetUtcNow().UtcDateTime.AddDays(3), EndUtc = f.Clock.GetUtcNow().UtcDateTime.AddDays(3).AddHours(2), Capacity = 10 };
            db.Events.Add(forum);
            await db.SaveChangesAsync();
            forumId = forum.Id;
        }

        var forumHolder = await HolderAsync(f, "Fred Forum", eventId: forumId);
        var input = new ProposalInput("A session", "Someone");

        foreach (var token in new[] { waiting, cancelled, forumHolder, "not-a-real-token", SecureTokens.New() })
        {
            (await Holders(f).ProposeAsync(token, input)).ErrorCode.ShouldBe(OpenSpaceErrors.NotAHolder.Code);
            (await Holders(f).SetInterestAsync(token, session, true)).ErrorCode.ShouldBe(OpenSpaceErrors.NotAHolder.Code);
        }

        (await Holders(f).GetAsync(forumHolder)).ShouldBeNull();
        (await Holders(f).GetAsync("not-a-real-token")).ShouldBeNull();
        (await Holders(f).GetAsync(waiting))!.CanPropose.ShouldBeFalse();
        await using var check = f.Database.CreateDbContext();
        (await check.Set<Proposal>().CountAsync()).ShouldBe(1);
        (await check.Set<InterestMark>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task After_the_event_has_ended_proposals_are_refused_with_a_reason()
    {
        await using var f = await BoardFixture.CreateAsync();
        var ann = await HolderAsync(f, "Ann Attendee");
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));

        var outcome = await Holders(f).ProposeAsync(ann, new ProposalInput("Too late", null));

        outcome.Errors.Single().Message.ShouldBe(OpenSpaceErrors.Ended.Message);
        (await Holders(f).GetAsync(ann))!.CanPropose.ShouldBeFalse();
    }

    [Fact]
    public async Task The_holder_sees_where_their_proposal_was_placed_and_then_merged_in_the_event_zone()
    {
        await using var f = await BoardFixture.CreateAsync();
        var ann = await HolderAsync(f, "Ann Attendee");
        var proposal = (await Holders(f).ProposeAsync(ann, new ProposalInput("Chatbots", null))).Value!.Id;

        var placed = (await f.Placement.PlaceAsync(Actors.Organiser, proposal, f.BigRoom, f.Morning)).Value!.SessionId;

        // 10am–11am UTC on 3 December is 10am–11am GMT in London.
        (await Holders(f).GetAsync(ann))!.Proposals.Single().Where.ShouldBe("On the board: Big room, Thursday 3 December 2026, 10am to 11am GMT");

        var other = await f.PlaceAsync("Bots", f.Hall, f.Afternoon);
        (await f.Merging.MergeAsync(Actors.Organiser, other, placed)).Succeeded.ShouldBeTrue();

        var mine = (await Holders(f).GetAsync(ann))!.Proposals.Single();
        mine.Status.ShouldBe(ProposalStatus.Merged);
        mine.Where.ShouldBe("Merged into “Bots + Chatbots”: Hall, Thursday 3 December 2026, 1pm to 2pm GMT");
    }

    [Fact]
    public async Task Interest_is_marked_and_cleared_under_the_booking_and_a_later_move_is_shown()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Open data", f.SmallRoom, f.Morning);
        var ann = await HolderAsync(f, "Ann Attendee");

        (await Holders(f).SetInterestAsync(ann, session, true)).Value!.InterestCount.ShouldBe(1);
        (await Holders(f).SetInterestAsync(ann, session, true)).Value!.InterestCount.ShouldBe(1);
        var view = (await Holders(f).GetAsync(ann))!;
        view.Sessions.Single().Interested.ShouldBeTrue();
        view.Sessions.Single().Change.ShouldBeNull();

        f.Clock.Advance(TimeSpan.FromMinutes(5));
        (await f.Placement.MoveAsync(Actors.Organiser, session, f.Hall, f.Afternoon)).Succeeded.ShouldBeTrue();
        var moved = (await Holders(f).GetAsync(ann))!.Sessions.Single();
        moved.Where.ShouldBe("Hall, Thursday 3 December 2026, 1pm to 2pm GMT");
        moved.Change.ShouldNotBeNull();
        moved.Change.ShouldStartWith("Changed since you marked it:");

        (await Holders(f).SetInterestAsync(ann, session, false)).Value!.InterestCount.ShouldBe(0);
        (await Holders(f).GetAsync(ann))!.Sessions.Single().Interested.ShouldBeFalse();
    }
}
