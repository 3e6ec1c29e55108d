using EventHub.Core.Bookings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

/// <summary>Removing, hiding and reordering registration questions.</summary>
public sealed class QuestionAdminTests
{
    [Fact]
    public async Task An_answered_question_cannot_be_removed_but_hiding_it_stops_asking_and_keeps_the_answers()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var team = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "Which team?", "", QuestionKind.ShortText, true, "")).Value!;
        var form = BookingKit.Form("Ann Example");
        form.Answers[team.Id] = "Digital";
        var ann = (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, form))).Value!;

        var removed = await kit.Questions.RemoveAsync(Actors.Organiser, kit.EventId, team.Id);
        removed.ErrorCode.ShouldBe(BookingErrors.InUse.Code);
        removed.Errors.Single().Message.ShouldContain("1 person has answered it. Hide it instead");

        (await kit.Questions.SetHiddenAsync(Actors.Organiser, kit.EventId, team.Id, hidden: true)).Succeeded.ShouldBeTrue();

        // No longer asked, and no longer required of new bookings.
        (await new PublicBooking(kit.Database, kit.Clock).GetFormAsync("forum", null))!.Questions.ShouldBeEmpty();
        (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Bob Example")))).Succeeded.ShouldBeTrue();
        // Ann's answer is kept, and saving her other answers does not lose it.
        (await kit.Bookings.UpdateAnswersAsync(ann.ManageToken, new() { [team.Id] = "Digital" }, "Vegan", "")).Succeeded.ShouldBeTrue();
        var export = await kit.Attendees.ExportRowsAsync(Actors.Organiser, kit.EventId, withNeeds: true);
        export.Single(b => b.Id == ann.BookingId).Answers.ShouldHaveSingleItem().Value.ShouldBe("Digital");
        (await kit.Questions.ListAsync(Actors.Organiser, kit.EventId)).ShouldHaveSingleItem().Hidden.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unanswered_question_is_removed_and_questions_reorder()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var first = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "First?", "", QuestionKind.ShortText, false, "")).Value!;
        var second = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "Second?", "", QuestionKind.ShortText, false, "")).Value!;

        (await kit.Questions.MoveAsync(Actors.Organiser, kit.EventId, second.Id, up: true)).Succeeded.ShouldBeTrue();
        (await kit.Questions.ListAsync(Actors.Organiser, kit.EventId)).Select(q => q.Text).ShouldBe(["Second?", "First?"]);

        (await kit.Questions.RemoveAsync(Actors.Organiser, kit.EventId, first.Id)).Value.ShouldBe("First?");
        (await kit.Questions.ListAsync(Actors.Organiser, kit.EventId)).ShouldHaveSingleItem().Text.ShouldBe("Second?");
    }
}
