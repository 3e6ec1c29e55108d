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
    public async Task Each_placed_session_on_the_board_carries_a_notes_link_that_opens_its_notes_and_stays_the_same()
    {
        await using var f = await BoardFixture.CreateAsync();
        var placed = await f.PlaceAsync("Open data in parish councils", f.SmallRoom, f.Morning);
        var other = await f.PlaceAsync("Repair cafés", f.BigRoom, f.Morning);

        var first = await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug);
        var second = await f.Layout.GetBoardAsync(Actors.Organiser, f.EventId);

        var token = first!.Cells.Single(c => c.SessionId == placed).NotesToken;
        token.ShouldNotBeNullOrEmpty();
        second!.Cells.Single(c => c.SessionId == placed).NotesToken.ShouldBe(token, "a second reader gets the same link, not a new one");
        first.Cells.Single(c => c.SessionId == other).NotesToken.ShouldNotBe(token);
        var notes = await new NotesService(f.Database, f.Clock).GetAsync(EditorKey.ForToken(token!));
        notes.ShouldNotBeNull();
        notes.SessionId.ShouldBe(placed);
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
