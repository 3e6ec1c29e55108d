namespace EventHub.Core.Privacy;

/// <summary>Where an effective retention period came from.</summary>
public enum RetentionSource
{
    Site,
    Series,
    Event,
}
