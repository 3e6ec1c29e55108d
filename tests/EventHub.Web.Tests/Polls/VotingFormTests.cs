using Bunit;
using EventHub.Core.Common;
using EventHub.Core.Polls;
using EventHub.Web.Features.Polls;
using MudBlazor.Services;

namespace EventHub.Web.Tests.Polls;

public sealed class VotingFormTests : BunitContext
{
    private static readonly IReadOnlyList<OptionResult> Options =
    [
        new(11, new DateTime(2026, 12, 1, 19, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 21, 0, 0, DateTimeKind.Utc),
            "Tuesday 1 December 2026, 7pm to 9pm GMT", 0, 0, 0, false),
        new(12, new DateTime(2026, 12, 2, 19, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 2, 21, 0, 0, DateTimeKind.Utc),
            "Wednesday 2 December 2026, 7pm to 9pm GMT", 0, 0, 0, false),
    ];

    public VotingFormTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        EventHub.Web.Tests.Support.PlainForm.AddServices(this);
    }

    [Fact]
    public void Each_date_is_a_fieldset_named_by_its_legend_with_three_radio_choices_in_one_group()
    {
        var form = Render<VotingForm>(p => p.Add(f => f.FormName, "vote").Add(f => f.Options, Options).Add(f => f.Input, new VoteInput()));

        var fieldsets = form.FindAll("fieldset.poll-option");
        fieldsets.Count.ShouldBe(2);
        fieldsets[0].QuerySelector("legend")!.TextContent.Trim().ShouldBe("Tuesday 1 December 2026, 7pm to 9pm GMT");
        var radios = fieldsets[0].QuerySelectorAll("input[type=radio]");
        radios.Select(r => r.ParentElement!.TextContent.Trim()).ShouldBe(["Yes", "If need be", "No"]);
        // One name per date makes the three choices one radio group: Tab reaches it once, arrow keys move within it.
        radios.Select(r => r.GetAttribute("name")).Distinct().Single().ShouldBe("Answer-11");
        fieldsets[1].QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("name")).Distinct().Single().ShouldBe("Answer-12");
        radios.ShouldAllBe(r => r.GetAttribute("tabindex") == null);
    }

    [Fact]
    public void The_posted_answers_are_read_per_date_and_anything_else_is_no_answer()
    {
        var posted = new Microsoft.AspNetCore.Http.FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["Name"] = "Ann", ["Email"] = "ann@example.com", ["Answer-11"] = "IfNeedBe", ["Answer-12"] = "Maybe", ["Answer-99"] = "Yes",
        });

        var input = VotingForm.Read(posted, Options);

        input.Name.ShouldBe("Ann");
        input.Email.ShouldBe("ann@example.com");
        input.Answers[11].ShouldBe(PollAnswer.IfNeedBe);
        input.Answers[12].ShouldBeNull();
        input.Answers.Keys.ShouldBe([11, 12]);
    }

    [Fact]
    public void Errors_show_in_a_summary_linking_to_the_date_and_keep_what_was_typed()
    {
        var input = new VoteInput { Name = "Ann", Email = "ann@example", Answers = { [11] = PollAnswer.No } };
        var form = Render<VotingForm>(p => p
            .Add(f => f.FormName, "vote")
            .Add(f => f.Options, Options)
            .Add(f => f.Input, input)
            .Add(f => f.Errors, [new FieldError("Answer-12", "Select Yes, If need be or No for Wednesday 2 December 2026, 7pm to 9pm GMT")]));

        form.Find(".error-summary h2").TextContent.ShouldBe("There is a problem");
        // The summary takes focus when the page arrives with it: autofocus on a full load, wwwroot/js/app.js after an enhanced post.
        form.Find(".error-summary").GetAttribute("tabindex").ShouldBe("-1");
        form.Find(".error-summary").HasAttribute("autofocus").ShouldBeTrue();
        form.Find(".error-summary a").GetAttribute("href")!.ShouldEndWith("#Answer-12");
        form.Find("#Answer-12").GetAttribute("type").ShouldBe("radio");
        form.Find("[data-testid=option-12]").ClassList.ShouldContain("form-group--error");
        form.Find("[data-testid=option-12]").GetAttribute("aria-describedby").ShouldBe("Answer-12-error");
        form.Find("#Name").GetAttribute("value").ShouldBe("Ann");
        form.Find("#Email").GetAttribute("value").ShouldBe("ann@example");
        form.Find("[data-testid=answer-11-No]").HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public void Without_errors_there_is_no_summary_to_take_focus()
    {
        var form = Render<VotingForm>(p => p.Add(f => f.FormName, "vote").Add(f => f.Options, Options).Add(f => f.Input, new VoteInput()));

        form.FindAll(".error-summary").ShouldBeEmpty();
        form.FindAll("[autofocus]").ShouldBeEmpty();
    }

    [Fact]
    public void The_form_is_a_plain_post_that_a_double_click_does_not_send_twice()
    {
        var form = Render<VotingForm>(p => p.Add(f => f.FormName, "vote").Add(f => f.Options, Options).Add(f => f.Input, new VoteInput()));

        var element = form.Find("form");
        element.GetAttribute("method").ShouldBe("post");
        element.HasAttribute("data-enhance").ShouldBeTrue();
        element.HasAttribute("data-submit-once").ShouldBeTrue();
        form.Find("#Name").GetAttribute("name").ShouldBe("Name");
        form.Find("#Email").GetAttribute("name").ShouldBe("Email");
    }
}
