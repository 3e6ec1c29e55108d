namespace EventHub.Core.OpenSpace.Emails;

public sealed class OpenSpaceSessionMergedEmail : SessionChangedTemplate
{
    public override string Name => OpenSpaceEmailTemplates.SessionMerged;

    protected override (string Subject, string Heading, string Intro) Describe(SessionChangedPayload payload, string eventTitle)
    {
        var into = payload.MergedIntoTitle ?? "another session";
        return ($"Merged: {payload.SessionTitle} is now part of {into}", "A session you are interested in has merged",
            $"{payload.SessionTitle} at {eventTitle} has been merged into {into}. Here is where and when it is now.");
    }
}
