namespace EventHub.Core.Common;

/// <summary>Thrown when code reaches an organiser-only read without an organiser: a programming error, not a user error.</summary>
public sealed class NotAuthorisedException(string message) : Exception(message);
