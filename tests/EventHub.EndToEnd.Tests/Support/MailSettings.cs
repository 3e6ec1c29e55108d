using System.Globalization;
using EventHub.Core.Tests.Email;

namespace EventHub.EndToEnd.Tests.Support;

/// <summary>The settings that send an app host's mail to a test's SMTP listener on loopback, polled quickly.</summary>
public static class MailSettings
{
    public static Dictionary<string, string?> For(SmtpListener smtp, IDictionary<string, string?>? others = null)
    {
        var settings = others is null ? [] : new Dictionary<string, string?>(others);
        settings["EventHub:Email:Host"] = "127.0.0.1";
        settings["EventHub:Email:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["EventHub:Email:Security"] = "None";
        settings["EventHub:Email:PollInterval"] = "00:00:00.200";
        return settings;
    }
}
