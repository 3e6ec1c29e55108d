namespace EventHub.Core.Proceedings;

public sealed record MaterialView(
    int Id, int SessionId, MaterialKind Kind, string Title, string Url, string OriginalName, string ContentType,
    long SizeBytes, bool IsHidden, DateTime CreatedUtc, bool AwaitingApproval = false)
{
    public static MaterialView From(Material m) =>
        new(m.Id, m.SessionId, m.Kind, m.Title, m.Url, m.OriginalName, m.ContentType, m.SizeBytes, m.IsHidden, m.CreatedUtc, m.AwaitingApproval);
}
