namespace EventHub.Core.Bookings;

/// <summary>Asks every registered <see cref="IPriorityAccess"/>; any one saying yes is enough.</summary>
public sealed class PriorityAccess(IEnumerable<IPriorityAccess> sources)
{
    /// <summary>Longer than any token we issue; anything longer is refused without a lookup.</summary>
    public const int MaxTokenLength = 64;

    public static PriorityAccess None { get; } = new([]);

    public async Task<PriorityClaim> ClaimAsync(int eventId, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return PriorityClaim.None;
        }

        token = token.Trim();
        if (token.Length > MaxTokenLength)
        {
            return PriorityClaim.NotValid;
        }

        foreach (var source in sources)
        {
            if (await source.AllowsAsync(eventId, token, ct))
            {
                return PriorityClaim.Valid;
            }
        }

        return PriorityClaim.NotValid;
    }
}
