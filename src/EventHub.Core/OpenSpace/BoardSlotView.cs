namespace EventHub.Core.OpenSpace;

public sealed record BoardSlotView(int Id, DateTime StartUtc, DateTime EndUtc);
