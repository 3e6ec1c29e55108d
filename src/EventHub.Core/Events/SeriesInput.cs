namespace EventHub.Core.Events;

public sealed class SeriesInput
{
    public string Name { get; set; } = string.Empty;

    public string Slug { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;
}
