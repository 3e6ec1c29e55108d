namespace EventHub.Core.OpenSpace.Emails;

/// <summary>To the convener of a session the facilitators opened an overflow room for.</summary>
public sealed class OpenSpaceConvenerOverflowEmail : SessionChangedTemplate
{
    public override string Name => OpenSpaceEmailTemplates.ConvenerSessionOverflow;

    protected override (string Subject, string Heading, string Intro) Describe(SessionChangedPayload payload, string eventTitle) =>
        ($"Your session has an overflow room: {payload.SessionTitle}", "Your session has an overflow room",
            $"The facilitators opened an overflow room for your session {payload.SessionTitle} at {eventTitle}: it also runs there at the same time. "
            + "The overflow room keeps its own notes, so each group writes up its own conversation. Your session has not moved.");

    protected override string Why(SessionChangedPayload payload, string eventTitle) =>
        $"You are getting this email because you are the convener of {payload.SessionTitle} at {eventTitle}.";
}
