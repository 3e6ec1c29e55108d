namespace EventHub.Core.OpenSpace;

/// <summary>A proposal in the pitch queue; <paramref name="HasPitched"/> once its convener has pitched it to the room.</summary>
public sealed record BoardProposal(int Id, string Title, string ConvenerName, string Description, int QueueOrder, bool HasPitched = false);
