using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace EventHub.Web.Tests.Support;

/// <summary>
/// The request a statically rendered page reads, for bUnit: it starts as a GET; <see cref="PressAsync"/> posts the
/// form around a button the way a browser does (every named field as it now stands, ticked boxes and radios, and the
/// pressed button's name and value) and runs the form's submit handler, which reads <c>HttpContext.Request.Form</c>.
/// Cascade <see cref="Http"/> to the page. <see cref="Type"/> and <see cref="Tick"/> change the rendered fields first.
/// </summary>
public sealed class PlainForm
{
    public PlainForm()
    {
        Http.Request.Method = HttpMethods.Get;
    }

    public DefaultHttpContext Http { get; } = new();

    /// <summary>What the last <see cref="PressAsync"/> posted.</summary>
    public IFormCollection Posted => Http.Request.Form;

    /// <summary>The services a plain form needs in bUnit: an antiforgery provider with no token (the real one needs a request).</summary>
    public static void AddServices(BunitContext context) =>
        context.Services.Add(new Microsoft.Extensions.DependencyInjection.ServiceDescriptor(typeof(AntiforgeryStateProvider), new NoAntiforgery()));

    public static void Type<T>(IRenderedComponent<T> cut, string id, string value)
        where T : IComponent
    {
        var field = cut.Find("#" + id);
        field.SetAttribute("value", value);
        if (field.LocalName == "textarea")
        {
            field.TextContent = value;
        }
    }

    public static void Tick<T>(IRenderedComponent<T> cut, string selector, bool ticked = true)
        where T : IComponent
    {
        var box = cut.Find(selector);
        if (ticked)
        {
            if (box.GetAttribute("type") == "radio" && box.GetAttribute("name") is { } group)
            {
                foreach (var other in cut.FindAll($"input[type=radio][name='{group}']"))
                {
                    other.RemoveAttribute("checked");
                }
            }

            box.SetAttribute("checked", string.Empty);
        }
        else
        {
            box.RemoveAttribute("checked");
        }
    }

    public async Task PressAsync<T>(IRenderedComponent<T> cut, string buttonSelector)
        where T : IComponent
    {
        var button = cut.Find(buttonSelector);
        var form = button.Closest("form") ?? throw new InvalidOperationException($"{buttonSelector} is not in a form");
        var fields = new Dictionary<string, List<string>>();
        void Add(string name, string value)
        {
            if (!fields.TryGetValue(name, out var values))
            {
                fields[name] = values = [];
            }

            values.Add(value);
        }

        foreach (var field in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = field.GetAttribute("name")!;
            switch (field.LocalName, field.GetAttribute("type"))
            {
                case ("input", "checkbox" or "radio"):
                    if (field.HasAttribute("checked"))
                    {
                        Add(name, field.GetAttribute("value") ?? "on");
                    }

                    break;
                case ("input", "submit" or "button" or "reset"):
                    break;
                case ("textarea", _):
                    Add(name, field.GetAttribute("value") ?? field.TextContent);
                    break;
                case ("select", _):
                    Add(name, field.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty);
                    break;
                default:
                    Add(name, field.GetAttribute("value") ?? string.Empty);
                    break;
            }
        }

        if (button.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            Add(buttonName, button.GetAttribute("value") ?? string.Empty);
        }

        Http.Request.Method = HttpMethods.Post;
        Http.Request.ContentType = "application/x-www-form-urlencoded";
        Http.Request.Form = new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues([.. f.Value])));
        await form.SubmitAsync();
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
