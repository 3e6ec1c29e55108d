using Bunit;
using EventHub.Web.Components.Shared;

namespace EventHub.Web.Tests.Components;

public sealed class ChoiceFieldsTests : BunitContext
{
    private static readonly IReadOnlyList<ChoiceOption<string>> Colours =
    [
        new("red", "Red", TestId: "red"),
        new("green", "Green", Note: "– the default", TestId: "green"),
        new("blue", "Blue", Id: "colour-blue", TestId: "blue"),
    ];

    [Fact]
    public void Radios_are_a_fieldset_whose_legend_hint_and_error_are_read_with_the_group()
    {
        var field = Render<RadiosField<string>>(p => p
            .Add(c => c.Id, "Colour")
            .Add(c => c.Legend, "Which colour?")
            .Add(c => c.Hint, "Pick one.")
            .Add(c => c.Error, "Choose a colour")
            .Add(c => c.Options, Colours));

        var fieldset = field.Find("fieldset");
        fieldset.ClassList.ShouldContain("form-group--error");
        field.Find("legend").TextContent.ShouldBe("Which colour?");
        field.Find("#Colour-hint").TextContent.ShouldBe("Pick one.");
        field.Find("#Colour-error").TextContent.ShouldBe("Error: Choose a colour");
        fieldset.GetAttribute("aria-describedby").ShouldBe("Colour-hint Colour-error");
        field.Find(".radios").QuerySelectorAll("input[type=radio]").Length.ShouldBe(3);
        field.Find("[data-testid=green]").ParentElement!.TextContent.ShouldContain("– the default");
    }

    [Fact]
    public void Without_hint_or_error_the_fieldset_describes_nothing_and_is_not_marked_in_error()
    {
        var field = RenderColourRadios();

        field.Find("fieldset").HasAttribute("aria-describedby").ShouldBeFalse();
        field.Find("fieldset").ClassList.ShouldNotContain("form-group--error");
        field.FindAll(".error-message").ShouldBeEmpty();
    }

    [Fact]
    public void The_first_radio_takes_the_field_id_so_the_error_summary_link_lands_on_it_and_each_label_names_its_radio()
    {
        var field = RenderColourRadios();

        field.Find("[data-testid=red]").Id.ShouldBe("Colour");
        field.Find("[data-testid=green]").Id.ShouldBe("Colour-2");
        field.Find("[data-testid=blue]").Id.ShouldBe("colour-blue");
        field.FindAll("label").Select(l => l.GetAttribute("for")).ShouldBe(["Colour", "Colour-2", "colour-blue"]);
        field.FindAll("input").Select(i => i.GetAttribute("name")).Distinct().ShouldBe(["Colour"]);
    }

    [Fact]
    public void The_radio_for_the_bound_value_is_checked_and_choosing_another_hands_back_its_value()
    {
        string? chosen = null;
        var field = Render<RadiosField<string>>(p => p
            .Add(c => c.Id, "Colour")
            .Add(c => c.Legend, "Which colour?")
            .Add(c => c.Options, Colours)
            .Add(c => c.Value, "green")
            .Add(c => c.ValueChanged, v => chosen = v));

        field.Find("[data-testid=green]").HasAttribute("checked").ShouldBeTrue();
        field.Find("[data-testid=red]").HasAttribute("checked").ShouldBeFalse();

        field.Find("[data-testid=blue]").Change(true);

        chosen.ShouldBe("blue");
    }

    [Fact]
    public void Checkboxes_tick_the_bound_values_and_hand_back_a_new_set_without_changing_the_one_given()
    {
        var given = new HashSet<string> { "red" };
        IReadOnlySet<string>? handedBack = null;
        var field = Render<CheckboxesField<string>>(p => p
            .Add(c => c.Id, "Colours")
            .Add(c => c.Legend, "Which colours?")
            .Add(c => c.Error, "Choose at most two")
            .Add(c => c.Options, Colours)
            .Add(c => c.Values, given)
            .Add(c => c.ValuesChanged, v => handedBack = v));

        field.Find(".checkboxes").QuerySelectorAll("input[type=checkbox]").Length.ShouldBe(3);
        field.Find("fieldset").GetAttribute("aria-describedby").ShouldBe("Colours-error");
        field.Find("[data-testid=red]").HasAttribute("checked").ShouldBeTrue();

        field.Find("[data-testid=blue]").Change(true);
        handedBack.ShouldBe(["red", "blue"], ignoreOrder: true);

        field.Find("[data-testid=red]").Change(false);
        handedBack.ShouldBe([], ignoreOrder: true);
        given.ShouldBe(["red"]);
    }

    private IRenderedComponent<RadiosField<string>> RenderColourRadios() => Render<RadiosField<string>>(p => p
        .Add(c => c.Id, "Colour")
        .Add(c => c.Legend, "Which colour?")
        .Add(c => c.Options, Colours));
}
