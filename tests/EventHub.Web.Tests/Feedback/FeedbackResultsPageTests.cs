using Bunit;
using EventHub.Core.Events;
using EventHub.Core.Feedback;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Feedback;
using EventHub.Web.Tests.Dashboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Feedback;

/// <summary>The organiser's feedback results: a sentence, a bar chart with the same counts as a table, the texts, the CSV.</summary>
public sealed class FeedbackResultsPageTests : DashboardTestContext
{
    private int _eventId;

    protected override async Task SeedAsync()
    {
        Services.AddSingleton(Kit.Services.Get<EventService>());
        Services.AddSingleton(Kit.Services.Get<FeedbackService>());
        Services.AddSingleton(Kit.Services.Get<FeedbackQuestionService>());
        var series = await Kit.SeriesAsync();
        _eventId = await Kit.EventAsync(20, Kit.Now.AddDays(-20), Kit.Now.AddDays(-1), series);
        var feedback = Kit.Services.Get<FeedbackService>();
        foreach (var (email, score, worked, change) in new[] { ("a@devon.gov.uk", 5, "The workshop", ""), ("b@devon.gov.uk", 4, "", "=cmd|' /C calc'!A0"), ("c@devon.gov.uk", 5, "", "") })
        {
            var token = await Kit.BookWithManageLinkAsync(_eventId, email);
            (await feedback.GiveAsync(token, new FeedbackInput(score, worked, change))).Succeeded.ShouldBeTrue();
        }
    }

    [Fact]
    public void The_owner_sees_the_scores_as_a_chart_with_a_sentence_and_a_table_and_what_people_wrote()
    {
        SignIn(Actors.Organiser);

        var cut = Render<FeedbackResultsPage>(p => p.Add(c => c.Id, _eventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=feedback-summary]").TextContent.ShouldBe(
            "3 people have given feedback. The average overall score is 4.7 out of 5; the most common score was 5 (2 answers)."));
        cut.FindAll("h1").Count.ShouldBe(1);
        cut.FindAll("svg").Count.ShouldBeGreaterThanOrEqualTo(1);
        cut.FindAll("[data-testid=feedback-scores] tbody tr").Select(r => r.TextContent).ShouldBe(["10", "20", "30", "41", "52"]);
        var comments = cut.Find("[data-testid=feedback-comments]").TextContent;
        comments.ShouldContain("What worked: The workshop");
        comments.ShouldContain("What to change: =cmd");
        cut.Markup.ShouldNotContain("a@devon.gov.uk");
        cut.Find("[data-testid=feedback-csv]").GetAttribute("href").ShouldBe($"/organiser/events/{_eventId}/feedback.csv");
    }

    [Fact]
    public async Task The_owner_adds_a_question_to_the_form_a_blank_one_is_refused_and_the_csv_carries_its_answers_as_numbers()
    {
        SignIn(Actors.Organiser);
        var cut = Render<FeedbackResultsPage>(p => p.Add(c => c.Id, _eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=add-question]"));

        cut.Find("[data-testid=add-question]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary] a[href$='#Text']").TextContent.ShouldBe("Enter the question"));

        cut.Find("#Text").Change("How useful was the marketplace?");
        cut.Find("[data-testid=question-kind-rating]").Change("Rating");
        cut.Find("[data-testid=add-question]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=questions-message]").TextContent.ShouldBe("Added \"How useful was the marketplace?\" to the feedback form."));
        cut.Find("[data-testid=feedback-questions]").TextContent.ShouldContain("How useful was the marketplace? (a score from 1 to 5)");
        cut.FindAll("[data-testid=error-summary]").ShouldBeEmpty();
        var question = (await Kit.Services.Get<FeedbackQuestionService>().ListAsync(Actors.Organiser, _eventId, Xunit.TestContext.Current.CancellationToken)).Value!.ShouldHaveSingleItem();
        question.Kind.ShouldBe(FeedbackQuestionKind.Rating);
        cut.Find($"[data-testid=question-summary-{question.Id}]").TextContent.ShouldBe("No answers yet.");

        var token = await Kit.BookWithManageLinkAsync(_eventId, "d@devon.gov.uk");

        (await Kit.Services.Get<FeedbackService>().GiveAsync(token, new FeedbackInput(4, "", "", new Dictionary<int, string> { [question.Id] = "5" }))).Succeeded.ShouldBeTrue();
        var results = (await Kit.Services.Get<FeedbackService>().ResultsAsync(Actors.Organiser, _eventId, Xunit.TestContext.Current.CancellationToken)).Value!;
        var lines = FeedbackText.Csv(results).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Score,What worked,What to change,How useful was the marketplace?");
        lines[^1].ShouldBe("4,,,5");
        FeedbackText.QuestionSummary(results.Questions.ShouldHaveSingleItem()).ShouldBe("1 answer; the average is 5.0 out of 5.");
    }

    [Fact]
    public async Task A_single_choice_question_is_added_with_its_options_and_its_answers_show_as_a_chart_a_table_and_csv_words()
    {
        SignIn(Actors.Organiser);
        var cut = Render<FeedbackResultsPage>(p => p.Add(c => c.Id, _eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=add-question]"));

        cut.Find("#Text").Change("How did you hear of it?");
        cut.Find("[data-testid=question-kind-choice]").Change("SingleChoice");
        cut.WaitForAssertion(() => cut.Find("#Options"));
        cut.Find("#Options").Change("Email");
        cut.Find("[data-testid=add-question]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary] a[href$='#Options']").TextContent.ShouldStartWith("Enter between 2 and"));
        cut.Find("#Text").GetAttribute("value").ShouldBe("How did you hear of it?");

        cut.Find("#Options").Change("Email\nA colleague\nThe intranet");
        cut.Find("[data-testid=add-question]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=feedback-questions]").TextContent.ShouldContain("How did you hear of it? (one of: Email, A colleague, The intranet)"));

        var question = (await Kit.Services.Get<FeedbackQuestionService>().ListAsync(Actors.Organiser, _eventId, Xunit.TestContext.Current.CancellationToken)).Value!.ShouldHaveSingleItem();
        foreach (var (email, choice) in new[] { ("e@devon.gov.uk", "A colleague"), ("f@devon.gov.uk", "A colleague"), ("g@devon.gov.uk", "The intranet") })
        {
            var token = await Kit.BookWithManageLinkAsync(_eventId, email);
            (await Kit.Services.Get<FeedbackService>().GiveAsync(token, new FeedbackInput(4, "", "", new Dictionary<int, string> { [question.Id] = choice }))).Succeeded.ShouldBeTrue();
        }

        var again = Render<FeedbackResultsPage>(p => p.Add(c => c.Id, _eventId));
        again.WaitForAssertion(() => again.Find($"[data-testid=question-summary-{question.Id}]").TextContent.ShouldBe("3 answers; the most chosen was “A colleague” (2)."));
        again.FindAll($"[data-testid=question-choices-{question.Id}] tbody tr").Select(r => r.TextContent).ShouldBe(["Email0", "A colleague2", "The intranet1"]);
        again.FindAll(".dashboard-chart svg").Count.ShouldBe(2);
        var results = (await Kit.Services.Get<FeedbackService>().ResultsAsync(Actors.Organiser, _eventId, Xunit.TestContext.Current.CancellationToken)).Value!;
        FeedbackText.Csv(results).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)[^1].ShouldBe("4,,,The intranet");
    }

    [Fact]
    public async Task The_owner_changes_a_choice_questions_options_until_it_is_answered_and_the_page_then_says_why_not()
    {
        SignIn(Actors.Organiser);
        var questions = Kit.Services.Get<FeedbackQuestionService>();
        var question = (await questions.AddAsync(Actors.Organiser, _eventId, new("How did you hear of it?", FeedbackQuestionKind.SingleChoice, "Email\nPoster"))).Value!;
        var cut = Render<FeedbackResultsPage>(p => p.Add(c => c.Id, _eventId));
        cut.WaitForAssertion(() => cut.Find($"[data-testid=edit-options-{question.Id}]"));

        cut.Find($"[data-testid=edit-options-{question.Id}]").Click();
        var box = cut.Find("#EditOptions");
        (box.GetAttribute("value") ?? box.TextContent).ShouldBe("Email\nPoster", "the box starts with the options as they are");
        cut.Find("#EditOptions").Change("Email");
        cut.Find($"[data-testid=save-options-{question.Id}]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary] a[href$='#EditOptions']").TextContent.ShouldStartWith("Enter between 2 and"));
        cut.Find("#EditOptions").Change("Email\nA colleague");
        cut.Find($"[data-testid=save-options-{question.Id}]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=questions-message]").TextContent.ShouldBe("Changed the options of \"How did you hear of it?\"."));
        cut.Find("[data-testid=feedback-questions]").TextContent.ShouldContain("(one of: Email, A colleague)");
        cut.FindAll("#EditOptions").ShouldBeEmpty();

        var token = await Kit.BookWithManageLinkAsync(_eventId, "h@devon.gov.uk");
        (await Kit.Services.Get<FeedbackService>().GiveAsync(token, new FeedbackInput(4, "", "", new Dictionary<int, string> { [question.Id] = "A colleague" }))).Succeeded.ShouldBeTrue();
        var again = Render<FeedbackResultsPage>(p => p.Add(c => c.Id, _eventId));
        again.WaitForAssertion(() => again.Find($"[data-testid=options-fixed-{question.Id}]").TextContent.ShouldStartWith("Its options cannot change: 1 person has answered"));
        again.FindAll($"[data-testid=edit-options-{question.Id}]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_owner_moves_a_question_up_with_a_button_and_the_first_cannot_move_up()
    {
        var questions = Kit.Services.Get<FeedbackQuestionService>();
        var ct = Xunit.TestContext.Current.CancellationToken;
        var first = (await questions.AddAsync(Actors.Organiser, _eventId, new("First question", FeedbackQuestionKind.Rating), ct)).Value!;
        var second = (await questions.AddAsync(Actors.Organiser, _eventId, new("Second question", FeedbackQuestionKind.ShortText), ct)).Value!;
        SignIn(Actors.Organiser);
        var cut = Render<FeedbackResultsPage>(p => p.Add(c => c.Id, _eventId));
        cut.WaitForAssertion(() => cut.Find($"[data-testid=question-up-{first.Id}]").HasAttribute("disabled").ShouldBeTrue());
        cut.Find($"[data-testid=question-down-{second.Id}]").HasAttribute("disabled").ShouldBeTrue();

        cut.Find($"[data-testid=question-up-{second.Id}]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=questions-message]").TextContent.ShouldBe("Moved \"Second question\" up."));
        cut.FindAll("[data-testid=feedback-questions] li strong").Select(e => e.TextContent).ShouldBe(["Second question", "First question"]);
        cut.Find($"[data-testid=question-up-{second.Id}]").HasAttribute("disabled").ShouldBeTrue();
        (await questions.ListAsync(Actors.Organiser, _eventId, ct)).Value!.Select(q => q.Id).ShouldBe([second.Id, first.Id]);
    }

    [Fact]
    public async Task The_csv_has_one_row_per_answer_and_cannot_run_a_formula()
    {
        var results = (await Kit.Services.Get<FeedbackService>().ResultsAsync(Actors.Organiser, _eventId, Xunit.TestContext.Current.CancellationToken)).Value!;

        var lines = FeedbackText.Csv(results).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe("Score,What worked,What to change");
        lines.Length.ShouldBe(4);
        lines[2].ShouldStartWith("4,,'=cmd");
    }

    [Fact]
    public void A_stranger_is_told_there_is_no_such_event()
    {
        SignIn(Actors.Stranger);

        var cut = Render<FeedbackResultsPage>(p => p.Add(c => c.Id, _eventId));

        cut.Markup.ShouldNotContain("The workshop");
        cut.FindAll("[data-testid=feedback-summary]").ShouldBeEmpty();
    }
}
