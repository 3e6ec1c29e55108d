using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>The event's material settings (upload size, file quotas, approval first) and reviewing what waits for approval.</summary>
public sealed partial class MaterialService
{
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

    /// <summary>
    /// Locks the session's row until the caller's transaction ends (a write to it: a row lock on PostgreSQL, the write
    /// lock on SQLite). A counter kept beside the files would have to follow every removal, rejection, merge and cascade;
    /// counting the files under this lock cannot drift from them.
    /// </summary>
    /// <summary>
    /// Holds the session's row until the transaction ends (SELECT … FOR UPDATE; nothing is written): a second upload to
    /// the session waits here, then counts what the first added. On SQLite the transaction already holds the write lock.
    /// </summary>
    private Task LockSessionAsync(EventHubDbContext db, int sessionId, CancellationToken ct) =>
        dialect.LockRowsAsync(db.Database, $"""SELECT "Id" FROM "Sessions" WHERE "Id" = {sessionId}""", ct);

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

        return await ProceedingsAccess.UpdateSettingsAsync(
            dbFactory, actor, eventId, s => (s.MaxFilesPerSession, s.MaxFilesPerLink) = (session, link), true, ct);
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

        return await ProceedingsAccess.UpdateSettingsAsync(dbFactory, actor, eventId, s => s.ApproveMaterials = approveFirst, approveFirst, ct);
    }

    /// <summary>
    /// Shows publicly, in one step, every file and link of the event that waits for approval (the organiser has looked
    /// them over, or turned approval off and wants what was held to follow). Returns how many now show.
    /// Turning approval off never does this by itself: what was held stays held until someone decides.
    /// </summary>
    public async Task<Outcome<int>> ApproveAllWaitingAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganiser)
        {
            return Outcome<int>.Forbidden(ProceedingsErrors.OrganisersOnlyApprove);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ProceedingsAccess.CheckAsync(db, actor, eventId, ct) is { } refusal)
        {
            return Outcome<int>.Refused(refusal);
        }

        db.PublishOnCommit(eventId, LiveTopics.Public);
        var count = await db.Set<Material>().Where(m => m.EventId == eventId && m.AwaitingApproval)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.AwaitingApproval, false), ct);
        return Outcome<int>.Ok(count);
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
