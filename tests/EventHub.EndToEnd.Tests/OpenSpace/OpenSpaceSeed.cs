using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.OpenSpace;
using EventHub.Core.Organisers;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

/// <summary>
/// A published Open Space event with one room and one slot, and a facilitator account of its own, made through Core
/// services as that facilitator (an organiser, not an administrator), so the seed and the journeys after it go through
/// the same role checks as a person would: the facilitator is the event's Owner because they created it. Title and
/// account are unique, so seeds can share one database.
/// </summary>
internal sealed record OpenSpaceSeed(int EventId, string Slug, int RoomId, int SlotId, OrganiserLogin Facilitator)
{
    public static async Task<OpenSpaceSeed> CreateAsync(AppHost app)
    {
        var facilitator = await app.NewOrganiserAsync("Fay Facilitator", isAdministrator: false);
        var organisers = await app.Service<OrganiserAccounts>().ListAsync(Actor.System);
        var fay = Actor.Organiser(organisers.Single(o => o.Email == facilitator.Email).Id, facilitator.DisplayName);
        var events = app.Service<EventService>();
        var agenda = app.Service<AgendaService>();
        var day = DateTime.UtcNow.Date.AddDays(20);
        var ev = (await events.CreateAsync(fay, new EventInput
        {
            Title = $"LocalGov Open Space {Guid.NewGuid():N}"[..28], Kind = EventKind.OpenSpace, StartLocal = day.AddHours(9), EndLocal = day.AddHours(17), Capacity = 60,
            VenueName = "Exeter Library",
        })).Value!;
        var room = (await agenda.SaveRoomAsync(fay, ev.Id, null, new RoomInput { Name = "Reading room", Capacity = 20 })).Value!;
        (await events.SetStatusAsync(fay, ev.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        var slot = (await app.Service<BoardLayoutService>().AddSlotAsync(fay, ev.Id, ev.StartUtc.AddHours(1), ev.StartUtc.AddHours(2))).Value!;
        return new OpenSpaceSeed(ev.Id, ev.Slug, room.Id, slot.Id, facilitator);
    }

    public Task SignInAsync(IPage page, AppHost app) => page.SignInAsync(app, Facilitator);
}
