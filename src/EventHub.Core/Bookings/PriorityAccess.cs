namespace EventHub.Core.Bookings;

/// <summary>Asks every registered <see cref="IPriorityAccess"/>; any one saying yes is enough.</summary>
public sealed class PriorityAccess(IEnumerable<IPriorityAccess> sources)
{
    public static PriorityAccess None { get; } = new([]);

    /// <summary>
    /// Whether the token opens early booking for this event; with <paramref name="email"/>, also that the link was sent
    /// to that address (<see cref="PriorityClaim.OtherEmail"/> otherwise).
    /// </summary>
    public async Task<PriorityClaim> ClaimAsync(int eventId, string? token, CancellationToken ct, string? email = null)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return PriorityClaim.None;
        }

        token = token.Trim();
        if (token.Length > Common.SecureTokens.MaxPresentedLength)
        {
            return PriorityClaim.NotValid;
        }

        foreach (var source in sources)
        {
            if (await source.HolderAsync(eventId, token, ct) is { } holder)
            {
                return email is null || holder == Common.EmailAddresses.Normalise(email) ? PriorityClaim.Valid : PriorityClaim.OtherEmail;
            }
        }

        return PriorityClaim.NotValid;
    }
}
