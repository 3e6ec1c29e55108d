using System.Text;
using System.Text.RegularExpressions;
using Ical.Net;
using MimeKit;

namespace EventHub.Core.Tests.Email;

/// <summary>Delivers one queued message to the rig's pickup folder and reads it back, for the features' template tests.</summary>
public static partial class DeliveredMail
{
    public static async Task<MimeMessage> DeliverAsync(EmailRig rig, string template, object payload, int? eventId, string to = "ann@devon.example")
    {
        var queued = await rig.EnqueueAsync(template, payload, eventId, to);
        var report = await rig.Delivery.DeliverDueAsync(Ct);
        report.Sent.ShouldBe(1, (await rig.ReloadAsync(queued.Id)).LastError);
        return await MimeMessage.LoadAsync(rig.Delivery.PickupPath(queued), Ct);
    }

    public static Calendar Invite(MimeMessage mail)
    {
        var part = mail.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return Calendar.Load(Encoding.UTF8.GetString(bytes.ToArray()))!;
    }

    /// <summary>Anything that would make a mail client fetch from another host.</summary>
    [GeneratedRegex("(src|href)=\"https?://(?!events\\.devon\\.example)|<link|@import|url\\(", RegexOptions.IgnoreCase)]
    public static partial Regex ExternalResource();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
