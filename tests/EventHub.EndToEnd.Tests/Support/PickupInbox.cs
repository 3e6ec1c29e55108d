using MimeKit;

namespace EventHub.EndToEnd.Tests.Support;

/// <summary>
/// Reads the app's mail pickup folder like an inbox: waits for the message to one address whose subject starts with
/// the words given. On the shared app other journeys deliver too, so a test asks for its own unique address.
/// </summary>
public static class PickupInbox
{
    public static async Task<MimeMessage> WaitForAsync(AppHost app, string to, string subjectStart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = Path.Combine(app.DataFolder, "mail-pickup");
        for (var i = 0; i < 150; i++)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file, ct);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))
                        && (message.Subject ?? string.Empty).StartsWith(subjectStart, StringComparison.Ordinal))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"No message to {to} starting '{subjectStart}' arrived.");
    }
}
