namespace EventHub.Core.Email;

/// <summary>How mail leaves EventHub. Bound from the "EventHub:Email" configuration section.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "EventHub:Email";

    /// <summary>The SMTP server. Empty (a fresh clone's default) writes .eml files to <see cref="PickupFolder"/> instead.</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    public string Username { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string FromAddress { get; set; } = "eventhub@example.org";

    public string FromName { get; set; } = "EventHub";

    /// <summary>Where replies go: the organisers' own mailbox rather than the sending address.</summary>
    public string ReplyToAddress { get; set; } = string.Empty;

    public string ReplyToName { get; set; } = string.Empty;

    /// <summary>The site's public address, used to build links in messages.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Where .eml files go when no SMTP host is set. Empty means {data folder}/mail-pickup.</summary>
    public string PickupFolder { get; set; } = string.Empty;

    /// <summary>Messages a stranger can cause (list confirmations, links sent again, vote receipts) per address per 24 hours.</summary>
    public int UnrequestedPerDay { get; set; } = 3;

    /// <summary>Messages sent over one SMTP connection.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Batches delivered at the same time, each over its own connection. Claims keep them apart.</summary>
    public int Workers { get; set; } = 2;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first retry delay after a temporary failure; each further failure doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Temporary failures after which a message is marked failed (an organiser can still retry it).</summary>
    public int MaxAttempts { get; set; } = 30;

    /// <summary>How long a claimed batch is reserved; a crashed worker's unsent messages become due again after it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>SMTP network timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(Host);

    public string Link(string relative) => PublicBaseUrl.TrimEnd('/') + "/" + relative.TrimStart('/');

    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var delay = RetryBaseDelay * Math.Pow(2, exponent);
        return delay > RetryMaxDelay ? RetryMaxDelay : delay;
    }
}
