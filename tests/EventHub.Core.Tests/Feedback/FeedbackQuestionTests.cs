using EventHub.Core.Common;
using EventHub.Core.Feedback;
using EventHub.Core.Events.Access;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Dashboards;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Feedback;

/// <summary>The organisers' own feedback questions: who may change them, how they are answered, counted and kept.</summary>
public sealed class FeedbackQuestionTests : IAsyncLifetime
{
    private DashboardKit _kit = default!;
    private int _eventId;

    private FeedbackService Feedback => _kit.Services.Get<FeedbackService>();

    private FeedbackQuestionService Questions => _kit.Services.Get<FeedbackQuestionService>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _kit = await DashboardKit.CreateAsync();
        _eventId = await _kit.EventAsync(20, _kit.Now.AddDays(-30), _kit.Now.AddDays(-1));
    }

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Editors_add_and_remove_a_few_questions_and_viewers_and_strangers_cannot()
    {
        await Teams.JoinEventAsync(_kit.Database, Actors.Viewer, _eventId, TeamRole.Viewer);

        var rating = (await Questions.AddAsync(Actors.Organiser, _eventId, new(" How useful was the marketplace? ", FeedbackQuestionKind.Rating), Ct)).Value!;
        (await Questions.AddAsync(Actors.Organiser, _eventId, new("Which session should run again?", FeedbackQuestionKind.ShortText), Ct)).Succeeded.ShouldBeTrue();

        rating.Text.ShouldBe("How useful was the marketplace?");
        (await Questions.ListAsync(Actors.Viewer, _eventId, Ct)).Value!.Select(q => q.Text).ShouldBe(["How useful was the marketplace?", "Which session should run again?"]);
        (await Questions.AddAsync(Actors.Viewer, _eventId, new("Mine?", FeedbackQuestionKind.Rating), Ct)).Succeeded.ShouldBeFalse();
        (await Questions.RemoveAsync(Actors.Viewer, _eventId, rating.Id, Ct)).Succeeded.ShouldBeFalse();
        (await Questions.AddAsync(Actors.Stranger, _eventId, new("Mine?", FeedbackQuestionKind.Rating), Ct)).IsNotFound.ShouldBeTrue();
        (await Questions.AddAsync(Actors.Organiser, _eventId, new("  ", FeedbackQuestionKind.Rating), Ct)).ErrorFor("Text").ShouldBe("Enter the question");
        (await Questions.AddAsync(Actors.Organiser, _eventId, new(new string('a', FeedbackRules.MaxQuestionLength + 1), FeedbackQuestionKind.Rating), Ct))
            .ErrorFor("Text").ShouldBe($"The question must be {FeedbackRules.MaxQuestionLength} characters or fewer (it has {FeedbackRules.MaxQuestionLength + 1})");
        for (var i = 3; i <= FeedbackRules.MaxQuestions; i++)
        {
            (await Questions.AddAsync(Actors.Organiser, _eventId, new($"Question {i}", FeedbackQuestionKind.ShortText), Ct)).Succeeded.ShouldBeTrue();
        }

        (await Questions.AddAsync(Actors.Organiser, _eventId, new("One too many", FeedbackQuestionKind.ShortText), Ct)).ErrorFor("Text")!.ShouldStartWith("The form has 5 questions");

        (await Questions.RemoveAsync(Actors.Organiser, _eventId, rating.Id, Ct)).Succeeded.ShouldBeTrue();
        (await Questions.RemoveAsync(Actors.Organiser, _eventId, rating.Id, Ct)).IsNotFound.ShouldBeTrue();
        (await Questions.ListAsync(Actors.Organiser, _eventId, Ct)).Value!.Count.ShouldBe(FeedbackRules.MaxQuestions - 1);
    }

    [Fact]
    public async Task People_answer_the_questions_if_they_like_and_the_results_count_scores_and_list_texts_until_retention_clears_them()
    {
        var useful = (await Questions.AddAsync(Actors.Organiser, _eventId, new("How useful was the marketplace?", FeedbackQuestionKind.Rating), Ct)).Value!;
        var again = (await Questions.AddAsync(Actors.Organiser, _eventId, new("Which session should run again?", FeedbackQuestionKind.ShortText), Ct)).Value!;
        var ann = await TokenAsync("ann@devon.gov.uk");
        var bob = await TokenAsync("bob@devon.gov.uk");
        var cat = await TokenAsync("cat@devon.gov.uk");

        (await Feedback.GetFormAsync(ann, Ct))!.Questions.Select(q => q.Id).ShouldBe([useful.Id, again.Id]);
        (await Feedback.GiveAsync(ann, new FeedbackInput(5, null, null, new Dictionary<int, string> { [useful.Id] = "4", [again.Id] = " The pitch queue " }), Ct)).Succeeded.ShouldBeTrue();
        var wrong = await Feedback.GiveAsync(bob, new FeedbackInput(4, null, null, new Dictionary<int, string> { [useful.Id] = "9" }), Ct);
        wrong.ErrorFor(FeedbackRules.Field(useful.Id)).ShouldBe("Select a score from 1 to 5 for \"How useful was the marketplace?\"");
        (await Feedback.GiveAsync(bob, new FeedbackInput(4, null, null, new Dictionary<int, string> { [useful.Id] = "2" }), Ct)).Succeeded.ShouldBeTrue();
        (await Feedback.GiveAsync(cat, new FeedbackInput(3, null, null), Ct)).Succeeded.ShouldBeTrue();

        var results = (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!;
        var (score, text) = (results.Questions[0], results.Questions[1]);
        (score.Answers, score.AverageScore).ShouldBe((2, 3.0));
        score.ScoreCounts.ShouldBe([0, 1, 0, 1, 0]);
        (text.Answers, text.AverageScore).ShouldBe((1, (double?)null));
        text.Texts.ShouldBe(["The pitch queue"]);
        results.Responses[0].Answers.ShouldBe(new Dictionary<int, string> { [useful.Id] = "4", [again.Id] = "The pitch queue" });
        results.Responses[2].Answers.ShouldBeEmpty();

        _kit.Services.Clock.Advance(TimeSpan.FromDays(3 * 365));
        (await _kit.Services.Get<Anonymiser>().SweepAsync(Ct)).Anonymised.ShouldBeGreaterThan(0);

        var kept = (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!;
        (kept.Questions[0].Answers, kept.Questions[0].AverageScore).ShouldBe((2, 3.0));
        kept.Questions[1].Texts.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_single_choice_question_needs_two_different_options_and_its_counts_survive_retention()
    {
        (await Questions.AddAsync(Actors.Organiser, _eventId, new("How did you hear of it?", FeedbackQuestionKind.SingleChoice, "Email\n  \n"), Ct))
            .ErrorFor("Options").ShouldBe($"Enter between 2 and {FeedbackRules.MaxOptions} options, one per line (you entered 1)");
        (await Questions.AddAsync(Actors.Organiser, _eventId, new("How did you hear of it?", FeedbackQuestionKind.SingleChoice, "Email\nemail"), Ct))
            .ErrorFor("Options").ShouldBe("Each option must be different");
        (await Questions.AddAsync(Actors.Organiser, _eventId, new("How did you hear of it?", FeedbackQuestionKind.SingleChoice, "Email\n" + new string('x', FeedbackRules.MaxOptionLength + 1)), Ct))
            .ErrorFor("Options")!.ShouldStartWith($"Each option must be {FeedbackRules.MaxOptionLength} characters or fewer");
        var heard = (await Questions.AddAsync(Actors.Organiser, _eventId, new("How did you hear of it?", FeedbackQuestionKind.SingleChoice, " Email \n\nA colleague\nThe intranet"), Ct)).Value!;
        heard.OptionList.ShouldBe(["Email", "A colleague", "The intranet"]);
        var ann = await TokenAsync("ann@devon.gov.uk");
        var bob = await TokenAsync("bob@devon.gov.uk");
        var cat = await TokenAsync("cat@devon.gov.uk");

        (await Feedback.GiveAsync(ann, new FeedbackInput(5, null, null, new Dictionary<int, string> { [heard.Id] = "A poster" }), Ct))
            .ErrorFor(FeedbackRules.Field(heard.Id))!.ShouldStartWith("The answers to \"How did you hear of it?\" changed after you opened this page.");
        (await Feedback.GiveAsync(ann, new FeedbackInput(5, null, null, new Dictionary<int, string> { [heard.Id] = "A colleague" }), Ct)).Succeeded.ShouldBeTrue();
        (await Feedback.GiveAsync(bob, new FeedbackInput(4, null, null, new Dictionary<int, string> { [heard.Id] = "a colleague " }), Ct)).Succeeded.ShouldBeTrue();
        (await Feedback.GiveAsync(cat, new FeedbackInput(3, null, null, new Dictionary<int, string> { [heard.Id] = "The intranet" }), Ct)).Succeeded.ShouldBeTrue();

        var result = (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!.Questions.ShouldHaveSingleItem();
        (result.Kind, result.Answers).ShouldBe((FeedbackQuestionKind.SingleChoice, 3));
        result.Options.ShouldBe(["Email", "A colleague", "The intranet"]);
        result.OptionCounts.ShouldBe([0, 2, 1]);
        (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!.Responses[0].Answers[heard.Id].ShouldBe("A colleague");

        _kit.Services.Clock.Advance(TimeSpan.FromDays(3 * 365));
        (await _kit.Services.Get<Anonymiser>().SweepAsync(Ct)).Anonymised.ShouldBeGreaterThan(0);

        (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!.Questions[0].OptionCounts.ShouldBe([0, 2, 1]);
    }

    [Fact]
    public async Task Editors_move_questions_up_and_down_the_form_and_viewers_cannot()
    {
        await Teams.JoinEventAsync(_kit.Database, Actors.Viewer, _eventId, TeamRole.Viewer);
        var first = (await Questions.AddAsync(Actors.Organiser, _eventId, new("First", FeedbackQuestionKind.Rating), Ct)).Value!;
        var second = (await Questions.AddAsync(Actors.Organiser, _eventId, new("Second", FeedbackQuestionKind.ShortText), Ct)).Value!;
        var third = (await Questions.AddAsync(Actors.Organiser, _eventId, new("Third", FeedbackQuestionKind.SingleChoice, "Yes\nNo"), Ct)).Value!;

        (await Questions.MoveAsync(Actors.Organiser, _eventId, third.Id, up: true, Ct)).Succeeded.ShouldBeTrue();
        (await Questions.MoveAsync(Actors.Organiser, _eventId, first.Id, up: false, Ct)).Succeeded.ShouldBeTrue();

        (await Questions.ListAsync(Actors.Organiser, _eventId, Ct)).Value!.Select(q => q.Text).ShouldBe(["Third", "First", "Second"]);
        (await Feedback.GetFormAsync(await TokenAsync("ann@devon.gov.uk"), Ct))!.Questions.Select(q => q.Id).ShouldBe([third.Id, first.Id, second.Id]);
        (await Questions.MoveAsync(Actors.Organiser, _eventId, third.Id, up: true, Ct)).Message.ShouldBe("\"Third\" is already first on the form.");
        (await Questions.MoveAsync(Actors.Organiser, _eventId, second.Id, up: false, Ct)).IsConflict.ShouldBeTrue();
        (await Questions.MoveAsync(Actors.Viewer, _eventId, second.Id, up: true, Ct)).IsForbidden.ShouldBeTrue();
        (await Questions.MoveAsync(Actors.Stranger, _eventId, second.Id, up: true, Ct)).IsNotFound.ShouldBeTrue();
        (await Questions.MoveAsync(Actors.Organiser, _eventId, 99_999, up: true, Ct)).IsNotFound.ShouldBeTrue();
        (await Questions.ListAsync(Actors.Organiser, _eventId, Ct)).Value!.Select(q => q.Text).ShouldBe(["Third", "First", "Second"]);
    }

    [Fact]
    public async Task Editors_change_a_choice_questions_options_until_someone_answers_and_are_then_told_why_not()
    {
        await Teams.JoinEventAsync(_kit.Database, Actors.Viewer, _eventId, TeamRole.Viewer);
        var heard = (await Questions.AddAsync(Actors.Organiser, _eventId, new("How did you hear of it?", FeedbackQuestionKind.SingleChoice, "Email\nPoster"), Ct)).Value!;
        var rating = (await Questions.AddAsync(Actors.Organiser, _eventId, new("How useful was it?", FeedbackQuestionKind.Rating), Ct)).Value!;

        (await Questions.EditOptionsAsync(Actors.Viewer, _eventId, heard.Id, "A\nB", Ct)).IsForbidden.ShouldBeTrue();
        (await Questions.EditOptionsAsync(Actors.Stranger, _eventId, heard.Id, "A\nB", Ct)).IsNotFound.ShouldBeTrue();
        (await Questions.EditOptionsAsync(Actors.Organiser, _eventId, 99_999, "A\nB", Ct)).IsNotFound.ShouldBeTrue();
        (await Questions.EditOptionsAsync(Actors.Organiser, _eventId, rating.Id, "A\nB", Ct)).ErrorCode.ShouldBe(FeedbackErrors.NoOptions.Code);
        (await Questions.EditOptionsAsync(Actors.Organiser, _eventId, heard.Id, "Email\nemail", Ct)).ErrorFor("Options").ShouldBe("Each option must be different");
        var changed = await Questions.EditOptionsAsync(Actors.Organiser, _eventId, heard.Id, " Email \n\nA colleague\nThe intranet", Ct);

        changed.Succeeded.ShouldBeTrue(changed.Message);
        (await Questions.ListAsync(Actors.Organiser, _eventId, Ct)).Value!.First(q => q.Id == heard.Id).OptionList.ShouldBe(["Email", "A colleague", "The intranet"]);
        (await Feedback.GiveAsync(await TokenAsync("ann@devon.gov.uk"), new FeedbackInput(5, null, null, new Dictionary<int, string> { [heard.Id] = "The intranet" }), Ct)).Succeeded.ShouldBeTrue();

        var refused = await Questions.EditOptionsAsync(Actors.Organiser, _eventId, heard.Id, "Email\nPoster", Ct);

        refused.IsConflict.ShouldBeTrue();
        refused.ErrorFor("Options").ShouldBe(FeedbackErrors.OptionsAnswered("How did you hear of it?").Message);
        refused.Message!.ShouldContain("remove the question (with its answers) and add a new one");
        (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!.Responses[0].Answers[heard.Id].ShouldBe("The intranet");
    }

    [Fact]
    public async Task An_answer_from_a_form_opened_before_the_options_changed_counts_as_the_option_it_named_or_is_refused_with_the_rest_kept_to_send_again()
    {
        var heard = (await Questions.AddAsync(Actors.Organiser, _eventId, new("How did you hear of it?", FeedbackQuestionKind.SingleChoice, "Email\nPoster"), Ct)).Value!;
        var ann = await TokenAsync("ann@devon.gov.uk");
        var bob = await TokenAsync("bob@devon.gov.uk");
        var opened = (await Feedback.GetFormAsync(ann, Ct))!.Questions.Single().OptionList;
        opened.ShouldBe(["Email", "Poster"]);

        // While both forms are open the organisers put a new option first and drop the poster.
        (await Questions.EditOptionsAsync(Actors.Organiser, _eventId, heard.Id, "A colleague\nEmail", Ct)).Succeeded.ShouldBeTrue();

        // Ann chose "Email", the first option when she opened the form: it is still "Email", now the second option.
        (await Feedback.GiveAsync(ann, new FeedbackInput(5, "Good talks", null, new Dictionary<int, string> { [heard.Id] = opened[0] }), Ct)).Succeeded.ShouldBeTrue();
        // Bob chose "Poster", which is gone: refused with a message that says what to do, and nothing is kept.
        var stale = await Feedback.GiveAsync(bob, new FeedbackInput(4, "Good food", null, new Dictionary<int, string> { [heard.Id] = opened[1] }), Ct);

        stale.Status.ShouldBe(OutcomeStatus.Invalid);
        stale.Errors.ShouldHaveSingleItem().Field.ShouldBe(FeedbackRules.Field(heard.Id));
        stale.ErrorFor(FeedbackRules.Field(heard.Id)).ShouldBe(
            "The answers to \"How did you hear of it?\" changed after you opened this page. Select one of the answers shown now: the rest of what you wrote is kept");
        var results = (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!;
        results.Responses.ShouldHaveSingleItem().Answers[heard.Id].ShouldBe("Email");
        results.Questions.Single().OptionCounts.ShouldBe([0, 1]);
        (await Feedback.GiveAsync(bob, new FeedbackInput(4, "Good food", null, new Dictionary<int, string> { [heard.Id] = "A colleague" }), Ct)).Succeeded.ShouldBeTrue("sent again with a current option");
    }

    private Task<string> TokenAsync(string email) => _kit.BookWithManageLinkAsync(_eventId, email);
}
