namespace EventHub.Core.Polls;

/// <summary>The organiser's choice when finalising. Capacity defaults to the Yes and If need be answers for the option.</summary>
public sealed record FinaliseRequest(int PollId, int OptionId, int? Capacity = null);
