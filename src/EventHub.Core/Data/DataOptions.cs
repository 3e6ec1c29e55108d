namespace EventHub.Core.Data;

/// <summary>Where EventHub keeps its files. Bound from the "EventHub" configuration section.</summary>
public sealed class DataOptions
{
    /// <summary>The data folder; relative paths are under the app's content root. Default "data".</summary>
    public string DataFolder { get; set; } = "data";
}
