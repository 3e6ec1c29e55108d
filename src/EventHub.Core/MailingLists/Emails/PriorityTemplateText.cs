using EventHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.MailingLists.Emails;

internal static class PriorityTemplateText
{
    public static string Window(DateTime? priorityOpensUtc, DateTime generalOpensUtc, string? timeZoneId) =>
        (priorityOpensUtc is { } p
            ? $"With your own link you can book from {EventTime.FormatDateTime(p, timeZoneId)}, "
            : "With your own link you can book now, ")
        + $"before booking opens to everyone on {EventTime.FormatDateTime(generalOpensUtc, timeZoneId)}.";
}
