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

    protected override async Task SeedAsync()
    {
        PlainForm.AddServices(this);
        Services.AddSingleton(Kit.Services.Get<FeedbackService>());
        var eventId = await Kit.EventAsync(20, Kit.Now.AddDays(-20), Kit.Now.AddDays(-1));
        var questions = Kit.Services.Get<FeedbackQuestionService>();
        var useful = (await questions.AddAsync(Actors.Organiser, eventId, new("How useful was it?", FeedbackQuestionKind.Rating))).Value!;
        _heard = (await questions.AddAsync(Actors.Organiser, eventId, new("How did you hear of it?", FeedbackQuestionKind.SingleChoice, "Email\nA colleague"))).Value!;
        (await questions.MoveAsync(Actors.Organiser, eventId, _heard.Id, up: true)).Succeeded.ShouldBeTrue();
        (await questions.AddAsync(Actors.Organiser, eventId, new("Anything else?", FeedbackQuestionKind.ShortText))).Succeeded.ShouldBeTrue();
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
        page.FindAll($"input[type=radio][name={field}]").Select(r => r.GetAttribute("value")).ShouldBe(["1", "2"]);
        page.Find($"label[for={page.Find($"[data-testid={field}-2]").Id}]").TextContent.Trim().ShouldBe("A colleague");
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
