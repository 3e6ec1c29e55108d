using Bunit;
using EventHub.Core.Feedback;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Feedback;
using EventHub.Web.Tests.Dashboards;
using EventHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Feedback;

/// <summary>The public feedback form (a plain form reached from the follow-up mail): the organisers' questions in their order.</summary>
public sealed class FeedbackPageTests : DashboardTestContext
{
    private readonly PlainForm _request = new();
    private string _token = string.Empty;
    private FeedbackQuestion _heard = default!;
    private FeedbackQuestion _anythingElse = default!;

    protected override async Task SeedAsync()
    {
        PlainForm.AddServices(this);
        Services.AddSingleton(Kit.Services.Get<FeedbackService>());
        var eventId = await Kit.EventAsync(20, Kit.Now.AddDays(-20), Kit.Now.AddDays(-1));
        var questions = Kit.Services.Get<FeedbackQuestionService>();
        var useful = (await questions.AddAsync(Actors.Organiser, eventId, new("How useful was it?", FeedbackQuestionKind.Rating))).Value!;
        _heard = (await questions.AddAsync(Actors.Organiser, eventId, new("How did you hear of it?", FeedbackQuestionKind.SingleChoice, "Email\nA colleague"))).Value!;
        (await questions.MoveAsync(Actors.Organiser, eventId, _heard.Id, up: true)).Succeeded.ShouldBeTrue();
        _anythingElse = (await questions.AddAsync(Actors.Organiser, eventId, new("Anything else?", FeedbackQuestionKind.ShortText))).Value!;
        useful.SortOrder.ShouldBe(1);
        _token = await Kit.BookWithManageLinkAsync(eventId, "a@devon.gov.uk");
    }

    [Fact]
    public void A_single_choice_question_is_a_group_of_radios_with_the_organisers_options_in_the_forms_order()
    {
        var page = Render<FeedbackPage>(p => p.Add(x => x.Token, _token).AddCascadingValue(_request.Http));

        page.WaitForAssertion(() => page.Find("[data-testid=feedback-form]"));
        page.FindAll("fieldset legend").Select(l => l.TextContent.Trim()).ShouldBe(
            ["Overall, how good was the event?", "How did you hear of it? (optional)", "How useful was it? (optional)"]);
        var field = FeedbackRules.Field(_heard.Id);
        page.FindAll($"input[type=radio][name={field}]").Select(r => r.GetAttribute("value")).ShouldBe(["Email", "A colleague"], "each option posts its words, not its place");
        page.Find($"label[for={page.Find($"[data-testid={field}-2]").Id}]").TextContent.Trim().ShouldBe("A colleague");
    }

    [Fact]
    public async Task An_answer_from_a_form_opened_before_the_options_changed_is_refused_and_the_rest_of_what_was_written_is_kept()
    {
        var page = Render<FeedbackPage>(p => p.Add(x => x.Token, _token).AddCascadingValue(_request.Http));
        page.WaitForAssertion(() => page.Find("[data-testid=feedback-form]"));
        var field = FeedbackRules.Field(_heard.Id);
        var anythingElse = FeedbackRules.Field(_anythingElse.Id);
        PlainForm.Tick(page, "[data-testid=score-4]");
        PlainForm.Type(page, anythingElse, "More tea");
        PlainForm.Tick(page, $"[data-testid={field}-1]");
        (await Kit.Services.Get<FeedbackQuestionService>().EditOptionsAsync(Actors.Organiser, _heard.EventId, _heard.Id, "The intranet\nA poster")).Succeeded.ShouldBeTrue();

        await _request.PressAsync(page, "[data-testid=feedback-submit]");

        page.WaitForAssertion(() => page.Find($"[data-testid=error-summary] a[href$='#{field}']").TextContent.ShouldBe(
            "The answers to \"How did you hear of it?\" changed after you opened this page. Select one of the answers shown now: the rest of what you wrote is kept"));
        _request.Posted[field].ToString().ShouldBe("Email", "the form posted the option's words");
        page.FindAll($"input[type=radio][name={field}]").Select(r => r.GetAttribute("value")).ShouldBe(["The intranet", "A poster"]);
        page.FindAll($"input[type=radio][name={field}][checked]").ShouldBeEmpty();
        var kept = page.Find("#" + anythingElse);
        (kept.GetAttribute("value") ?? kept.TextContent).ShouldBe("More tea", "the other answers are kept");
        page.FindAll("[data-testid=feedback-sent]").ShouldBeEmpty();
        (await Kit.Services.Get<FeedbackService>().ResultsAsync(Actors.Organiser, _heard.EventId)).Value!.Responses.ShouldBeEmpty();
    }

    [Fact]
    public void The_text_boxes_do_not_cut_what_people_write()
    {
        var page = Render<FeedbackPage>(p => p.Add(x => x.Token, _token).AddCascadingValue(_request.Http));

        page.WaitForAssertion(() => page.Find("#WhatWorked"));
        page.FindAll("textarea").Count.ShouldBe(3);
        page.FindAll("textarea[maxlength], input[maxlength]").ShouldBeEmpty();
    }
}
