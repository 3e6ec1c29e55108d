using System.Diagnostics;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>Slides, files and links on a session: adding (with a private link or as an organiser), hiding, removing, downloading.</summary>
public sealed partial class MaterialService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, MaterialStore store, DbDialect dialect)
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

            // The count above was a quick refusal before reading the file; this one holds. Within the transaction the
            // session's row is locked first, so uploads to one session (and through one notes link, which opens one
            // session) count and add one at a time on both engines: an upload that comes after the last free place
            // counts the file that took it.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LockSessionAsync(db, session.Id, ct);
            if (await QuotaRefusalAsync(db, session.Id, linkId, rules, ct) is { } filled)
            {
                return Outcome<MaterialView>.Refused(filled, field);
            }

            var storedName = SecureTokens.New();
            File.Move(tempPath, store.PathFor(storedName));
            tempPath = store.PathFor(storedName); // deleted below unless the row is committed

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
            await tx.CommitAsync(ct);
            tempPath = null;
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
}
