namespace EventHub.Core.FollowUps;

/// <summary>
/// The "send the follow-up" panel: who would get it (confirmed, and of those who came: <see cref="CheckedIn"/> counts
/// those checked in and the <see cref="Online"/> confirmed online places), the message as each person will see it
/// (<see cref="Text"/>, with their own feedback link where it says so), and, once sent, when and by whom.
/// </summary>
public sealed record FollowUpView(
    int EventId, string Subject, string Text, int Confirmed, int CheckedIn, int Online, BulkEmail? Sent, string? SentOn)
{
    public int CountFor(BulkAudience audience) => audience == BulkAudience.CheckedIn ? CheckedIn : Confirmed;
}
