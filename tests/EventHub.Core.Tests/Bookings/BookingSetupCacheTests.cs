using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

/// <summary>
/// Each node keeps an event's booking set-up (settings, questions, ticket types) in memory: a change an organiser makes
/// is seen by the very next booking and form, and one event's set-up never answers for another's.
/// </summary>
public sealed class BookingSetupCacheTests
{
    [Fact]
    public async Task A_question_added_after_the_form_was_shown_is_asked_by_the_next_form_and_required_by_the_next_booking()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        (await kit.PublicForms.GetFormAsync("forum", null))!.Questions.ShouldBeEmpty();
        await kit.BookAsync("Ann Example");

        var team = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "Which team?", "", QuestionKind.ShortText, true, "")).Value!;

        (await kit.PublicForms.GetFormAsync("forum", null))!.Questions.ShouldHaveSingleItem().Text.ShouldBe("Which team?");
        var unanswered = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Bob Example")));
        unanswered.Succeeded.ShouldBeFalse();
        unanswered.Errors.ShouldHaveSingleItem().Field.ShouldBe(BookingRules.AnswerField(team.Id));

        var form = BookingKit.Form("Bob Example");
        form.Answers[team.Id] = "Digital";
        var bob = (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, form))).Value!;
        var export = await kit.Attendees.ExportRowsAsync(Actors.Organiser, kit.EventId, withNeeds: true);
        export.Single(b => b.Id == bob.BookingId).Answers.ShouldHaveSingleItem().Value.ShouldBe("Digital");
    }

    [Fact]
    public async Task A_ticket_types_raised_quota_is_used_by_the_next_booking_and_shown_by_the_next_form()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var standard = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Standard", "", 1, false)).Value!;
        (await kit.BookAsync("Ann Example", ticket: standard.Id)).Status.ShouldBe(BookingStatus.Confirmed);
        (await kit.BookAsync("Bob Example", ticket: standard.Id)).Status.ShouldBe(BookingStatus.Waiting);

        (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, standard.Id, "Standard", "", 3, false)).Succeeded.ShouldBeTrue();

        (await kit.PublicForms.GetFormAsync("forum", null))!.TicketTypes.ShouldHaveSingleItem().Quota.ShouldBe(3);
        (await kit.BookAsync("Cat Example", ticket: standard.Id)).Status.ShouldBe(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task Changed_booking_settings_are_used_by_the_next_booking_and_shown_by_the_next_form()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        (await kit.PublicForms.GetFormAsync("forum", null))!.Settings.HoldUntilEmailConfirmed.ShouldBeFalse();
        (await kit.BookAsync("Ann Example")).Status.ShouldBe(BookingStatus.Confirmed);

        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);

        (await kit.PublicForms.GetFormAsync("forum", null))!.Settings.HoldUntilEmailConfirmed.ShouldBeTrue();
        var bob = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Bob Example")));
        bob.HoldsUntilEmailConfirmed.ShouldBeTrue();
        bob.Value!.Status.ShouldBe(BookingStatus.Held);
    }

    [Fact]
    public async Task One_events_cached_set_up_never_answers_for_another_event()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var other = await kit.AddEventAsync(10, slug: "other");
        var otherQuestion = (await kit.Questions.SaveAsync(Actors.Organiser, other, null, "Other event only?", "", QuestionKind.ShortText, true, "")).Value!;
        (await kit.TicketTypes.SaveAsync(Actors.Organiser, other, null, "Other ticket", "", null, false)).Succeeded.ShouldBeTrue();

        // Both cached, each read after the other.
        (await kit.PublicForms.GetFormAsync("other", null))!.Questions.ShouldHaveSingleItem().Id.ShouldBe(otherQuestion.Id);
        (await kit.PublicForms.GetFormAsync("forum", null))!.Questions.ShouldBeEmpty();
        (await kit.PublicForms.GetFormAsync("forum", null))!.TicketTypes.ShouldBeEmpty();
        (await kit.PublicForms.GetFormAsync("other", null))!.TicketTypes.ShouldHaveSingleItem().Name.ShouldBe("Other ticket");

        (await kit.BookAsync("Ann Example")).Status.ShouldBe(BookingStatus.Confirmed);
        var refused = await kit.Bookings.BookAsync(new BookingRequest(other, BookingKit.Form("Ann Example")));
        refused.Errors.ShouldHaveSingleItem().Field.ShouldBe(BookingRules.AnswerField(otherQuestion.Id));
    }

    [Fact]
    public async Task An_entry_is_read_again_when_the_event_behind_its_id_is_not_the_one_it_was_read_for()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var created = (await kit.EventAsync()).CreatedUtc;
        await using var db = kit.Database.CreateDbContext();

        var first = await kit.Setup.GetAsync(db, kit.EventId, created, TestContext.Current.CancellationToken);
        (await kit.Setup.GetAsync(db, kit.EventId, created, TestContext.Current.CancellationToken)).ShouldBeSameAs(first);
        // Another event that took the same id (a restored backup, say) was created at another time.
        (await kit.Setup.GetAsync(db, kit.EventId, created.AddSeconds(1), TestContext.Current.CancellationToken)).ShouldNotBeSameAs(first);
    }

    [Fact]
    public async Task A_change_made_on_one_node_is_forgotten_by_another_nodes_cache_through_the_live_signal()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var signal = new InProcessLiveSignal();
        using var nodeA = new BookingSetupCache(signal);
        using var nodeB = new BookingSetupCache(signal);
        var questionsOnA = new QuestionAdminService(kit.Database, kit.Clock, kit.Gate, nodeA);
        var formsOnB = new PublicBooking(kit.Database, kit.Clock, setup: nodeB);
        (await formsOnB.GetFormAsync("forum", null))!.Questions.ShouldBeEmpty();

        (await questionsOnA.SaveAsync(Actors.Organiser, kit.EventId, null, "Which team?", "", QuestionKind.ShortText, true, "")).Succeeded.ShouldBeTrue();

        // Only the message makes node B forget its copy; it arrives on the thread pool within moments.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await formsOnB.GetFormAsync("forum", null))!.Questions.Count == 0)
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
