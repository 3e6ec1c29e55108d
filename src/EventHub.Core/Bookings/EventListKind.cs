using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Bookings;

/// <summary>What differs between an event's ticket types and its questions when they are removed or reordered.</summary>
/// <param name="Action">The audit action's stem ("ticket-type", "question").</param>
/// <param name="Noun">How the audit detail names one ("ticket type", "question").</param>
/// <param name="CountUsesAsync">How many bookings or answers hold on to one; an item in use is never removed.</param>
/// <param name="InUse">The refusal that says how many use it and what to do instead.</param>
internal sealed record EventListKind<T>(
    string Action,
    string Noun,
    Func<T, string> NameOf,
    Refusal Gone,
    Func<EventHubDbContext, int, CancellationToken, Task<int>> CountUsesAsync,
    Func<T, int, Refusal> InUse);
