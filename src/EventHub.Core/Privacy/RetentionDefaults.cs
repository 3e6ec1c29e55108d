namespace EventHub.Core.Privacy;

/// <summary>What a series or the site sets itself (blank: inherited) and what it inherits (for the form's hints).</summary>
public sealed record RetentionDefaults(RetentionInput Own, RetentionPolicy Inherited);
