namespace EventHub.Core.OpenSpace.Emails;

public sealed class OpenSpaceSessionMovedEmail : SessionChangedTemplate
{
    public override string Name => OpenSpaceEmailTemplates.SessionMoved;

    protected override (string Subject, string Heading, string Intro) Describe(SessionChangedPayload payload, string eventTitle) =>
        ($"Moved: {payload.SessionTitle}", "A session you are interested in has moved",
            $"{payload.SessionTitle} at {eventTitle} has moved. Here is where and when it is now.");
}
