namespace EventHub.Core.MailingLists;

public static class MailingListTemplates
{
    public const string Confirm = "list.confirm";
    public const string Announce = "list.announce";
    public const string PriorityInvite = "list.priority-invite";
}
