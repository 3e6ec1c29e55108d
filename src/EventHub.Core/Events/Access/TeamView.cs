namespace EventHub.Core.Events.Access;

/// <summary>A team as its page shows it: its own members, and for an event in a series the series team (read-only here).</summary>
public sealed record TeamView(TeamScope Scope, string Title, IReadOnlyList<TeamMemberRow> Members, IReadOnlyList<TeamMemberRow> FromSeries, int? SeriesId);

public sealed record TeamMemberRow(int Id, string OrganiserId, string Name, string Email, TeamRole Role, bool CanSeeNeeds);

/// <summary>Adding an organiser to a team: who (by email), in which role, and whether they may see needs.</summary>
public sealed record TeamMemberInput(string Email, TeamRole Role, bool CanSeeNeeds);
