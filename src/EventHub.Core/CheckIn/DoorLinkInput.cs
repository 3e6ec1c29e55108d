namespace EventHub.Core.CheckIn;

public sealed record DoorLinkInput(string Label, DateTime ValidFromUtc, DateTime ValidUntilUtc);
