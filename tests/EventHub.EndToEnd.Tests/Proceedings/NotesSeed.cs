using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.OpenSpace;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Proceedings;

/// <summary>A session placed on a new Open Space board, and its private notes link.</summary>
internal sealed record NotesSeed(OpenSpaceSeed Event, int SessionId, string Token)
{
    public string Page => $"/notes/{Token}";

    public static async Task<NotesSeed> CreateAsync(AppHost app, string title = "Bus timetables as open data")
    {
        var seed = await OpenSpaceSeed.CreateAsync(app);
        var proposal = (await app.Service<PitchQueueService>().ProposeAsync(seed.EventId, new ProposalInput(title, "Cat Convener"), "Cat Convener")).Value!;
        var sessionId = (await app.Service<SessionPlacementService>().PlaceAsync(Actor.System, proposal.Id, seed.RoomId, seed.SlotId)).Value!.SessionId;
        var token = (await app.Service<NotesService>().CreateLinkAsync(Actor.System, sessionId)).Value!;
        return new NotesSeed(seed, sessionId, token);
    }

    public Task<NotesPage?> ReadAsync(AppHost app) => app.Service<NotesService>().GetAsync(EditorKey.ForToken(Token));
}
