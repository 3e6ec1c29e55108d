using System.Diagnostics.CodeAnalysis;
using EventHub.Core.Common;

namespace EventHub.Core.OpenSpace;

/// <summary>A row a board use case may act on, or the refusal to give instead.</summary>
internal sealed class Guarded<T>
    where T : class
{
    private readonly Refusal? _refusal;

    private Guarded(T? row, Refusal? refusal)
    {
        Row = row;
        _refusal = refusal;
    }

    public T? Row { get; }

    /// <summary>Why not; only when not <see cref="Ok"/>.</summary>
    public Refusal Refusal => _refusal ?? throw new InvalidOperationException("The row was allowed: there is no refusal.");

    [MemberNotNullWhen(true, nameof(Row))]
    public bool Ok => Row is not null;

    public static Guarded<T> Yes(T row) => new(row, null);

    public static Guarded<T> No(Refusal refusal) => new(null, refusal);
}
