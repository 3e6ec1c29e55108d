namespace EventHub.Web.Features.Bookings;

/// <summary>One registration question's answer as the person changed it (multiple choices one per line).</summary>
public sealed record QuestionAnswer(int QuestionId, string Value);
