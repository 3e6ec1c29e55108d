namespace EventHub.Web.Components.Shared;

/// <summary>
/// One radio or checkbox in a <see cref="RadiosField{TValue}"/> or <see cref="CheckboxesField{TValue}"/>.
/// <paramref name="Note"/> is shown after the label in secondary text; <paramref name="Id"/> defaults to the field's id
/// for the first choice (so the error summary's link lands on it) and to "field-n" for the rest.
/// </summary>
public sealed record ChoiceOption<TValue>(TValue Value, string Label, string? Note = null, string? Id = null, string? TestId = null);
