using System.Collections.Concurrent;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

public sealed class BoardLayoutServiceTests
{
    [Fact]
    public async Task Anyone_at_a_public_board_takes_a_placed_session_notes_with_a_link_of_their_own_stored_as_a_hash()
    {
        await using var f = await BoardFixture.CreateAsync();
        var placed = await f.PlaceAsync("Open data in parish councils", f.SmallRoom, f.Morning);
        var notesService = new NotesService(f.Database, f.Clock);

        var first = await f.Layout.TakeNotesAsync(Actor.Anonymous, f.Slug, placed);
        var second = await f.Layout.TakeNotesAsync(Actor.Anonymous, f.Slug, placed);

        first.Succeeded.ShouldBeTrue(first.Message);
        second.Value.ShouldNotBe(first.Value, "each taker gets a link of their own");
        (await notesService.GetAsync(EditorKey.ForToken(first.Value!)))!.SessionId.ShouldBe(placed);
        (await notesService.GetAsync(EditorKey.ForToken(second.Value!)))!.SessionId.ShouldBe(placed);
        await using var db = f.Database.CreateDbContext();
        db.Set<NotesLink>().Where(l => l.SessionId == placed).Select(l => l.TokenHash).ToList()
            .ShouldBe([SecureTokens.Hash(first.Value!), SecureTokens.Hash(second.Value!)], ignoreOrder: true);
    }

    [Fact]
    public async Task Notes_cannot_be_taken_for_a_session_that_is_not_on_the_board_or_from_another_event()
    {
        await using var f = await BoardFixture.CreateAsync();
        var placed = await f.PlaceAsync("Repair cafés", f.BigRoom, f.Morning);

        (await f.Layout.TakeNotesAsync(Actor.Anonymous, "no-such-event", placed)).IsNotFound.ShouldBeTrue();
        (await f.Layout.TakeNotesAsync(Actor.Anonymous, f.Slug, placed + 1000)).ErrorCode.ShouldBe(OpenSpaceErrors.NotOnBoard.Code);
    }

    [Fact]
    public async Task The_take_notes_page_names_a_placed_session_and_nothing_that_is_not_on_the_board()
    {
        await using var f = await BoardFixture.CreateAsync();
        var placed = await f.PlaceAsync("Repair cafés", f.BigRoom, f.Morning);

        var target = await f.Layout.NotesTargetAsync(Actor.Anonymous, f.Slug, placed);

        target.ShouldNotBeNull();
        target.SessionTitle.ShouldBe("Repair cafés");
        target.Slug.ShouldBe(f.Slug);
        (await f.Layout.NotesTargetAsync(Actor.Anonymous, f.Slug, placed + 1000)).ShouldBeNull();
        (await f.Layout.NotesTargetAsync(Actor.Anonymous, "no-such-event", placed)).ShouldBeNull();
    }

    [Fact]
    public async Task A_slot_that_overlaps_another_is_refused()
    {
        await using var f = await BoardFixture.CreateAsync();
        var board = await f.Layout.GetBoardAsync(Actors.Organiser, f.EventId);
        var morning = board!.Slots[0];

        var outcome = await f.Layout.AddSlotAsync(Actors.Organiser, f.EventId, morning.StartUtc.AddMinutes(30), morning.EndUtc.AddMinutes(30));

        outcome.ErrorFor("StartUtc").ShouldBe(OpenSpaceErrors.SlotOverlap.Message);
    }

    [Fact]
    public async Task Live_views_hear_about_each_change_to_their_event_only()
    {
        await using var f = await BoardFixture.CreateAsync();
        var heard = new ConcurrentQueue<LiveMessage>();
        var threeHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var elsewhere = new ConcurrentQueue<LiveMessage>();
        using var subscription = f.Signal.Subscribe(f.EventId, message =>
        {
            heard.Enqueue(message);
            if (heard.Count == 3)
            {
                threeHeard.TrySetResult();
            }

            return Task.CompletedTask;
        });
        using var other = f.Signal.Subscribe(f.EventId + 1000, message =>
        {
            elsewhere.Enqueue(message);
            return Task.CompletedTask;
        });

        var session = await f.PlaceAsync("Live", f.Hall, f.Morning);
        await f.Placement.MoveAsync(Actors.Organiser, session, f.BigRoom, f.Morning);

        // Proposed, placed, moved: each change tells the event's listeners, and only them.
        await threeHeard.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        heard.ShouldAllBe(m => m.EventId == f.EventId && m.Topic == LiveTopics.Board);
        subscription.Dispose();
        await f.ProposeAsync("After unsubscribing");
        f.Signal.ListenerCount(f.EventId).ShouldBe(0);
        heard.Count.ShouldBe(3);
        elsewhere.ShouldBeEmpty();
    }
}
