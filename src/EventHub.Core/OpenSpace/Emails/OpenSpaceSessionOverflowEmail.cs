namespace EventHub.Core.OpenSpace.Emails;

/// <summary>To people interested in a session the facilitators opened an overflow room for: it now runs in two rooms.</summary>
public sealed class OpenSpaceSessionOverflowEmail : SessionChangedTemplate
{
    public override string Name => OpenSpaceEmailTemplates.SessionOverflow;

    protected override (string Subject, string Heading, string Intro) Describe(SessionChangedPayload payload, string eventTitle) =>
        ($"Overflow room: {payload.SessionTitle}", "A session you are interested in has an overflow room",
            $"{payload.SessionTitle} at {eventTitle} is popular, so it also runs in an overflow room at the same time. Go to either room.");
}
