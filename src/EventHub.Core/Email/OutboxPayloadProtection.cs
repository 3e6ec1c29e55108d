using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EventHub.Core.Email;

/// <summary>
/// Keeps the tokens of links out of the outbox while mail waits: before an outbox row is written, every payload value
/// that carries a token (a manage, notes, poll, invitation or priority link, or a bare token) is replaced by its
/// ASP.NET Core data-protection form, with a purpose per template; delivery reveals them to render the mail. The keys
/// are the app's key ring, which every node shares, so any node can deliver. Values without a token (names, times,
/// ids) stay readable, so a payload's shape and the prefixes that find a feature's messages do not change.
/// </summary>
public sealed partial class OutboxPayloadProtection(IDataProtectionProvider provider) : SaveChangesInterceptor
{
    /// <summary>What a protected value starts with in a stored payload.</summary>
    public const string Marker = "protected:";

    private readonly IDataProtector _root = provider.CreateProtector("EventHub.Email.OutboxPayload");

    // One protector per template, made once: there are a few dozen templates.
    private readonly ConcurrentDictionary<string, IDataProtector> _byTemplate = new(StringComparer.Ordinal);

    /// <summary>The payload as stored: each value carrying a token protected for <paramref name="template"/>.</summary>
    public string Protect(string template, string payloadJson)
    {
        if (!HoldsToken(payloadJson))
        {
            return payloadJson;
        }

        var protector = _byTemplate.GetOrAdd(template, t => _root.CreateProtector(t));
        return Rewrite(payloadJson, value => !value.StartsWith(Marker, StringComparison.Ordinal) && HoldsToken(value)
            ? Marker + protector.Protect(value)
            : null);
    }

    /// <summary>The payload a template renders from: every protected value revealed.</summary>
    public string Reveal(string template, string payloadJson)
    {
        if (!payloadJson.Contains(Marker, StringComparison.Ordinal))
        {
            return payloadJson;
        }

        var protector = _byTemplate.GetOrAdd(template, t => _root.CreateProtector(t));
        return Rewrite(payloadJson, value => value.StartsWith(Marker, StringComparison.Ordinal) ? protector.Unprotect(value[Marker.Length..]) : null);
    }

    /// <summary>The payload of <paramref name="message"/> revealed (for tests and tools that read a queued message).</summary>
    public string Reveal(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Reveal(message.Template, message.PayloadJson);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ProtectPending(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ProtectPending(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// Protects every outbox payload about to be written (new, or changed by delivery). Runs on every save of every
    /// context, so it lists the tracked entries without change detection (<c>Entries&lt;T&gt;()</c> would compare every
    /// tracked entity with its snapshot first, and the save does that again anyway): a save that tracks no outbox row
    /// costs one pass over the tracked entries, and a tracked outbox row only has its payload compared with the original.
    /// </summary>
    private void ProtectPending(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<OutboxMessage>())
            {
                if (entry.State == EntityState.Added || (entry.State is EntityState.Unchanged or EntityState.Modified && PayloadChanged(entry)))
                {
                    entry.Entity.PayloadJson = Protect(entry.Entity.Template, entry.Entity.PayloadJson);
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static bool PayloadChanged(EntityEntry<OutboxMessage> entry)
    {
        var payload = entry.Property(nameof(OutboxMessage.PayloadJson));
        return payload.IsModified || !string.Equals((string?)payload.OriginalValue, entry.Entity.PayloadJson, StringComparison.Ordinal);
    }

    private static bool HoldsToken(string text)
    {
        foreach (Match run in TokenRun().Matches(text))
        {
            // Random URL-safe base64 mixes cases; slugs and words of this length do not.
            if (run.Value.Any(char.IsUpper) && run.Value.Any(char.IsLower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The payload with each string value that <paramref name="change"/> answers for replaced; the rest as it was.</summary>
    private static string Rewrite(string payloadJson, Func<string, string?> change)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(payloadJson);
        }
        catch (JsonException)
        {
            return payloadJson;
        }

        return root is not null && Walk(root, change) ? root.ToJsonString() : payloadJson;
    }

    private static bool Walk(JsonNode node, Func<string, string?> change)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        if (change(text) is { } replaced)
                        {
                            obj[name] = replaced;
                            changed = true;
                        }
                    }
                    else if (child is not null)
                    {
                        changed |= Walk(child, change);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        if (change(text) is { } replaced)
                        {
                            array[i] = replaced;
                            changed = true;
                        }
                    }
                    else if (array[i] is { } child)
                    {
                        changed |= Walk(child, change);
                    }
                }

                break;
        }

        return changed;
    }

    // SecureTokens carry at least 16 random bytes: 22 or more URL-safe base64 characters.
    [GeneratedRegex("[A-Za-z0-9_-]{22,}")]
    private static partial Regex TokenRun();
}
