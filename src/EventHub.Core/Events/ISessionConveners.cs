using EventHub.Core.Data;

namespace EventHub.Core.Events;

/// <summary>
/// Reaches a session's convener where the Open Space board keeps them, so the proceedings (which hold the notes link a
/// convener acts from) can act for them without naming the board. Defined here, beside <see cref="Session"/>, so neither
/// feature names the other.
/// </summary>
public interface ISessionConveners
{
    /// <summary>
    /// Replaces the convener's name with <see cref="Common.Credit.Participant"/> in every record the board keeps of the
    /// session (its proposal, its card and its history), in the caller's unit of work, and no longer credits them.
    /// </summary>
    Task WithdrawNameAsync(EventHubDbContext db, int sessionId, CancellationToken ct);

    /// <summary>
    /// Mails the session's convener a new notes link, in the caller's unit of work (saved with it). False when the board
    /// holds no address for them (no email given at the pitch, and no confirmed booking behind the proposal).
    /// </summary>
    Task<bool> MailNotesLinkAsync(EventHubDbContext db, Session session, CancellationToken ct);

    /// <summary>
    /// Replaces the name of the ticket holder behind a manage link with <see cref="Common.Credit.Participant"/> on every
    /// proposal they made, and (as <see cref="WithdrawNameAsync"/>) in the board's records of the sessions those placed,
    /// saved in the caller's unit of work; null when the link is not a ticket holder's.
    /// </summary>
    Task<HolderNameWithdrawn?> WithdrawHolderNameAsync(EventHubDbContext db, string manageToken, CancellationToken ct);
}
