using System.Diagnostics;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>Slides, files and links on a session: adding (with a private link or as an organiser), hiding, removing, downloading.</summary>
public sealed class MaterialService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, MaterialStore store)
{
    /// <summary>
    /// Reads at most the event's limit (plus one byte, to know it was more) from the stream, checks the content is
    /// one of the accepted types and matches the name's extension, then keeps it under a random name.
    /// </summary>
    public async Task<Outcome<MaterialView>> UploadAsync(EditorKey key, string? fileName, Stream content, string? title = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(content);
        const string field = "File";
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return Outcome<MaterialView>.Refused(ProceedingsErrors.NoFile, field);
        }

        if (!ProceedingsRules.IsPlainFileName(fileName))
        {
            return Outcome<MaterialView>.Refused(ProceedingsErrors.PathName, field);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await SessionAccess.OrganiserRefusalAsync(db, key, ct) is { } refusal)
        {
            return Outcome<MaterialView>.Refused(refusal);
        }

        if (await SessionAccess.ResolveAsync(db, key, ct) is not { } found)
        {
            return Outcome<MaterialView>.Forbidden(ProceedingsErrors.LinkNotValid);
        }

        var session = found.Session;
        var rules = await UploadRulesAsync(db, session.EventId, ct);
        var limit = rules.MaxUploadBytes;
        var linkId = await LinkIdAsync(db, key, ct);
        if (await QuotaRefusalAsync(db, session.Id, linkId, rules, ct) is { } full)
        {
            return Outcome<MaterialView>.Refused(full, field);
        }

        string? tempPath = null;
        try
        {
            long size;
            AcceptedFileType? type;
            await using (var temp = store.CreateTemporary(out tempPath))
            {
                size = await CopyLimitedAsync(content, temp, limit + 1, ct);
                if (size == 0)
                {
                    return Outcome<MaterialView>.Refused(ProceedingsErrors.EmptyFile, field);
                }

                if (size > limit)
                {
                    return Outcome<MaterialView>.Refused(ProceedingsErrors.TooLarge(limit), field);
                }

                type = ProceedingsRules.Sniff(temp);
            }

            if (type is null)
            {
                return Outcome<MaterialView>.Refused(ProceedingsErrors.WrongType, field);
            }

            if (!type.Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()))
            {
                return Outcome<MaterialView>.Refused(ProceedingsErrors.ContentMismatch, field);
            }

            var storedName = SecureTokens.New();
            File.Move(tempPath, store.PathFor(storedName));
            tempPath = null;

            var original = ProceedingsRules.SanitiseFileName(fileName, type);
            var material = new Material
            {
                EventId = session.EventId,
                SessionId = session.Id,
                Kind = MaterialKind.File,
                Title = Texts.Truncate(string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(original) : title.Trim(), 200),
                StoredName = storedName,
                OriginalName = original,
                ContentType = type.ContentType,
                SizeBytes = size,
                AddedBy = Texts.Truncate(key.Actor.DisplayName, 200),
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                NotesLinkId = linkId,
                AwaitingApproval = linkId is not null && rules.ApproveMaterials,
            };
            db.Add(material);
            await db.SaveChangesAsync(ct);
            return Outcome<MaterialView>.Ok(MaterialView.From(material));
        }
        finally
        {
            if (tempPath is not null && File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }
        }
    }

    public async Task<Outcome<MaterialView>> AddLinkAsync(EditorKey key, string? title, string? url, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            errors.Add(new("Title", ProceedingsErrors.LinkTitle.Message));
        }

        if (!ProceedingsRules.IsSafeLink(url))
        {
            errors.Add(new("Url", ProceedingsErrors.LinkUrl.Message));
        }

        if (errors.Count > 0)
        {
            return Outcome<MaterialView>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await SessionAccess.OrganiserRefusalAsync(db, key, ct) is { } refusal)
        {
            return Outcome<MaterialView>.Refused(refusal);
        }

        if (await SessionAccess.ResolveAsync(db, key, ct) is not { } found)
        {
            return Outcome<MaterialView>.Forbidden(ProceedingsErrors.LinkNotValid);
        }

        var linkId = await LinkIdAsync(db, key, ct);
        var material = new Material
        {
            EventId = found.Session.EventId,
            SessionId = found.Session.Id,
            Kind = MaterialKind.Link,
            Title = title!.Trim(),
            Url = url!.Trim(),
            AddedBy = Texts.Truncate(key.Actor.DisplayName, 200),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            NotesLinkId = linkId,
            AwaitingApproval = linkId is not null && (await UploadRulesAsync(db, found.Session.EventId, ct)).ApproveMaterials,
        };
        db.Add(material);
        await db.SaveChangesAsync(ct);
        return Outcome<MaterialView>.Ok(MaterialView.From(material));
    }

    /// <summary>Every material of an event, hidden ones included, for organisers to look over.</summary>
    public async Task<IReadOnlyList<MaterialView>> ListForEventAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ProceedingsAccess.MayAsync(db, actor, eventId, ct))
        {
            return [];
        }

        var rows = await db.Set<Material>().AsNoTracking().Where(m => m.EventId == eventId)
            .OrderBy(m => m.SessionId).ThenBy(m => m.CreatedUtc).ThenBy(m => m.Id).ToListAsync(ct);
        return [.. rows.Select(MaterialView.From)];
    }

    public async Task<Outcome<bool>> SetHiddenAsync(Actor actor, int materialId, bool hidden, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.OrganisersOnlyHide);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var eventId = await db.Set<Material>().Where(m => m.Id == materialId).Select(m => (int?)m.EventId).FirstOrDefaultAsync(ct);
        if (await ProceedingsAccess.CheckRowAsync(db, actor, eventId, ProceedingsErrors.MaterialNotFound, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        db.PublishOnCommit(eventId!.Value, LiveTopics.Public);
        var count = await db.Set<Material>().Where(m => m.Id == materialId).ExecuteUpdateAsync(u => u.SetProperty(m => m.IsHidden, hidden), ct);
        return count == 1 ? Outcome<bool>.Ok(hidden) : Outcome<bool>.NotFound(ProceedingsErrors.MaterialNotFound);
    }

    public async Task<Outcome<bool>> RemoveAsync(Actor actor, int materialId, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.OrganisersOnlyRemove);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var material = await db.Set<Material>().FirstOrDefaultAsync(m => m.Id == materialId, ct);
        if (await ProceedingsAccess.CheckRowAsync(db, actor, material?.EventId, ProceedingsErrors.MaterialNotFound, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        Debug.Assert(material is not null, "The check above refuses a material that does not exist.");

        db.Remove(material);
        await db.SaveChangesAsync(ct);
        if (material.Kind == MaterialKind.File)
        {
            store.Delete(material.StoredName);
        }

        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// A file to download: visible material of a public event, or any material for those who edit the event. Null otherwise,
    /// so a hidden file and a missing one look the same.
    /// </summary>
    public async Task<MaterialDownload?> GetDownloadAsync(Actor actor, int materialId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var material = await db.Set<Material>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId && m.Kind == MaterialKind.File, ct);
        if (material is null)
        {
            return null;
        }

        var ev = await db.Events.AsNoTracking().FirstAsync(e => e.Id == material.EventId, ct);
        if ((material.IsHidden || material.AwaitingApproval || !ev.IsPublic) && !await ProceedingsAccess.MayAsync(db, actor, ev.Id, ct))
        {
            return null;
        }

        var path = store.PathFor(material.StoredName);
        return File.Exists(path) ? new MaterialDownload(path, material.ContentType, material.OriginalName, material.SizeBytes) : null;
    }

    public async Task<Outcome<long>> SetUploadLimitAsync(Actor actor, int eventId, long maxBytes, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<long>.Forbidden(ProceedingsErrors.OrganisersOnlyUploadLimit);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProceedingsAccess.CheckAsync(db, actor, eventId, ct) is { } refusal)
        {
            return Outcome<long>.Refused(refusal);
        }

        if (maxBytes is < 1024 or > ProceedingsRules.MaxAllowedUploadBytes)
        {
            return Outcome<long>.Refused(ProceedingsErrors.UploadLimitBytes(ProceedingsRules.MaxAllowedUploadBytes), "MaxUploadBytes");
        }

        var settings = await ProceedingsService.SettingsForUpdateAsync(db, eventId, ct);
        settings.MaxUploadBytes = maxBytes;
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(maxBytes);
    }

    public const int MinUploadLimitMegabytes = 1;
    public const int MaxUploadLimitMegabytes = 200;

    /// <summary>The organisers' setting as they type it: a whole number of megabytes from 1 to 200.</summary>
    public async Task<Outcome<long>> SetUploadLimitMegabytesAsync(Actor actor, int eventId, string? megabytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganiser)
        {
            return Outcome<long>.Forbidden(ProceedingsErrors.OrganisersOnlyUploadLimit);
        }

        const string field = "MaxUploadMegabytes";
        if (string.IsNullOrWhiteSpace(megabytes))
        {
            return Outcome<long>.Refused(ProceedingsErrors.UploadLimitMissing, field);
        }

        if (!int.TryParse(megabytes.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mb))
        {
            return Outcome<long>.Refused(ProceedingsErrors.UploadLimitNotWhole, field);
        }

        if (mb is < MinUploadLimitMegabytes or > MaxUploadLimitMegabytes)
        {
            return Outcome<long>.Refused(ProceedingsErrors.UploadLimitRange(MinUploadLimitMegabytes, MaxUploadLimitMegabytes), field);
        }

        return await SetUploadLimitAsync(actor, eventId, mb * 1024L * 1024, ct);
    }

    /// <summary>The event's upload rules (size, quotas, approval); the defaults when never set.</summary>
    internal static async Task<ProceedingsSettings> UploadRulesAsync(EventHubDbContext db, int eventId, CancellationToken ct) =>
        await db.Set<ProceedingsSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct)
        ?? new ProceedingsSettings { EventId = eventId };

    private static async Task<long?> LinkIdAsync(EventHubDbContext db, EditorKey key, CancellationToken ct) =>
        key.Token is null ? null : await NotesLinks.Find(db, key.Token).Select(l => (long?)l.Id).FirstOrDefaultAsync(ct);

    /// <summary>A full session, or a notes link that has added all it may; files only (links to elsewhere cost nothing to keep).</summary>
    private static async Task<Refusal?> QuotaRefusalAsync(EventHubDbContext db, int sessionId, long? linkId, ProceedingsSettings rules, CancellationToken ct)
    {
        var files = db.Set<Material>().Where(m => m.Kind == MaterialKind.File);
        if (await files.CountAsync(m => m.SessionId == sessionId, ct) >= rules.FilesPerSession)
        {
            return ProceedingsErrors.SessionFull(rules.FilesPerSession);
        }

        return linkId is { } id && await files.CountAsync(m => m.NotesLinkId == id, ct) >= rules.FilesPerLink
            ? ProceedingsErrors.LinkFull(rules.FilesPerLink)
            : null;
    }

    public const int MaxFilesLimit = 100;

    /// <summary>The file quotas as organisers type them: whole numbers from 1 to <see cref="MaxFilesLimit"/>.</summary>
    public async Task<Outcome<bool>> SetFileQuotasAsync(Actor actor, int eventId, string? perSession, string? perLink, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.OrganisersOnlyUploadLimit);
        }

        var errors = new List<FieldError>();
        var session = ParseQuota(perSession, "MaxFilesPerSession", "Files per session", errors);
        var link = ParseQuota(perLink, "MaxFilesPerLink", "Files per notes link", errors);
        if (errors.Count > 0)
        {
            return Outcome<bool>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProceedingsAccess.CheckAsync(db, actor, eventId, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        var settings = await ProceedingsService.SettingsForUpdateAsync(db, eventId, ct);
        (settings.MaxFilesPerSession, settings.MaxFilesPerLink) = (session, link);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    private static int ParseQuota(string? typed, string field, string label, List<FieldError> errors)
    {
        if (int.TryParse(typed?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n is >= 1 and <= MaxFilesLimit)
        {
            return n;
        }

        errors.Add(new(field, ProceedingsErrors.FilesLimitRange(label, 1, MaxFilesLimit).Message));
        return 0;
    }

    /// <summary>Whether material added through notes links waits for an organiser before it shows publicly.</summary>
    public async Task<Outcome<bool>> SetApproveMaterialsAsync(Actor actor, int eventId, bool approveFirst, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.OrganisersOnlySettings);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProceedingsAccess.CheckAsync(db, actor, eventId, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        var settings = await ProceedingsService.SettingsForUpdateAsync(db, eventId, ct);
        settings.ApproveMaterials = approveFirst;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(approveFirst);
    }

    /// <summary>Approving shows material waiting for approval publicly; rejecting removes it (and its file).</summary>
    public async Task<Outcome<bool>> ReviewAsync(Actor actor, int materialId, bool approve, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganiser)
        {
            return Outcome<bool>.Forbidden(ProceedingsErrors.OrganisersOnlyApprove);
        }

        if (!approve)
        {
            return await RemoveAsync(actor, materialId, ct);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var eventId = await db.Set<Material>().Where(m => m.Id == materialId).Select(m => (int?)m.EventId).FirstOrDefaultAsync(ct);
        if (await ProceedingsAccess.CheckRowAsync(db, actor, eventId, ProceedingsErrors.MaterialNotFound, ct) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        db.PublishOnCommit(eventId!.Value, LiveTopics.Public);
        var count = await db.Set<Material>().Where(m => m.Id == materialId).ExecuteUpdateAsync(u => u.SetProperty(m => m.AwaitingApproval, false), ct);
        return count == 1 ? Outcome<bool>.Ok(true) : Outcome<bool>.NotFound(ProceedingsErrors.MaterialNotFound);
    }

    private static async Task<long> CopyLimitedAsync(Stream source, Stream target, long maxBytes, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        while (total < maxBytes)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, maxBytes - total)), ct);
            if (read == 0)
            {
                break;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
        }

        await target.FlushAsync(ct);
        return total;
    }

}
