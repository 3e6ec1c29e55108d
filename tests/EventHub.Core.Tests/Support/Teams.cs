using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using EventHub.Core.Organisers;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Support;

/// <summary>Puts organisers on teams in a test database, storing the organiser first when it is not stored yet.</summary>
public static class Teams
{
    public static async Task StoreAsync(IDbContextFactory<EventHubDbContext> factory, Actor actor)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!await db.Users.AnyAsync(u => u.Id == actor.UserId))
        {
            var email = actor.UserId + "@example.org";
            db.Users.Add(new Organiser
            {
                Id = actor.UserId!, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), DisplayName = actor.DisplayName,
            });
            await db.SaveChangesAsync();
        }
    }

    public static async Task JoinEventAsync(
        IDbContextFactory<EventHubDbContext> factory, Actor actor, int eventId, TeamRole role, bool canSeeNeeds = false)
    {
        await StoreAsync(factory, actor);
        await using var db = await factory.CreateDbContextAsync();
        db.Set<TeamMember>().Add(new TeamMember { EventId = eventId, OrganiserId = actor.UserId!, Role = role, CanSeeNeeds = canSeeNeeds });
        await db.SaveChangesAsync();
    }

    public static async Task JoinSeriesAsync(
        IDbContextFactory<EventHubDbContext> factory, Actor actor, int seriesId, TeamRole role, bool canSeeNeeds = false)
    {
        await StoreAsync(factory, actor);
        await using var db = await factory.CreateDbContextAsync();
        db.Set<TeamMember>().Add(new TeamMember { SeriesId = seriesId, OrganiserId = actor.UserId!, Role = role, CanSeeNeeds = canSeeNeeds });
        await db.SaveChangesAsync();
    }
}
