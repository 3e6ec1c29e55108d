namespace EventHub.Web.Features.Site;

/// <summary>
/// The visitor's address as the page request saw it (after forwarded headers), cascaded from App to every page so
/// interactive components, which have no HttpContext once the circuit runs, can ask <see cref="PublicActionLimiter"/>.
/// </summary>
public sealed record ClientAddress(string? Value);
