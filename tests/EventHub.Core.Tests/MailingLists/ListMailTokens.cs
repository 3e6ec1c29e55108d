using System.Text.Json;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.MailingLists;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.MailingLists;

/// <summary>
/// The links a list mail carried, read from its queued payload: the database keeps only their hashes, so a test reads
/// a token where the person would, in the mail.
/// </summary>
public static class ListMailTokens
{
    /// <summary>The token of the newest confirmation mail queued for <paramref name="email"/>.</summary>
    public static async Task<string> ConfirmAsync(IDbContextFactory<EventHubDbContext> database, string email) =>
        JsonSerializer.Deserialize<ListConfirmPayload>(await NewestPayloadAsync(database, MailingListTemplates.Confirm, email))!.ConfirmToken;

    /// <summary>The unsubscribe token of the newest announcement queued for <paramref name="email"/>.</summary>
    public static async Task<string> UnsubscribeAsync(IDbContextFactory<EventHubDbContext> database, string email) =>
        JsonSerializer.Deserialize<ListAnnouncePayload>(await NewestPayloadAsync(database, MailingListTemplates.Announce, email))!.UnsubscribeToken;

    private static async Task<string> NewestPayloadAsync(IDbContextFactory<EventHubDbContext> database, string template, string email)
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Set<OutboxMessage>().Where(m => m.Template == template && m.ToEmail == email)
            .OrderByDescending(m => m.Id).Select(m => m.PayloadJson).FirstAsync();
    }
}
