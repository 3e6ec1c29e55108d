namespace EventHub.Core.OpenSpace.Emails;

/// <summary>To the convener of a session the facilitators moved: where it is now.</summary>
public sealed class OpenSpaceConvenerMovedEmail : SessionChangedTemplate
{
    public override string Name => OpenSpaceEmailTemplates.ConvenerSessionMoved;

    protected override (string Subject, string Heading, string Intro) Describe(SessionChangedPayload payload, string eventTitle) =>
        ($"Your session has moved: {payload.SessionTitle}", "Your session has moved",
            $"The facilitators moved your session {payload.SessionTitle} at {eventTitle}. Here is where and when it is now.");

    protected override string Why(SessionChangedPayload payload, string eventTitle) =>
        $"You are getting this email because you are the convener of {payload.SessionTitle} at {eventTitle}.";
}
