namespace EventHub.Core.MailingLists;

public sealed class ListSignUpInput
{
    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public bool Consent { get; set; }
}
