using System.Collections;
using System.Reflection;
using System.Text.Json;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.OpenSpace;
using EventHub.Core.Polls;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Access;

/// <summary>
/// Walks every public method that takes an <see cref="Actor"/> (or an <see cref="EditorKey"/>, which carries one) on
/// the services of Open Space, Polls and Proceedings, and calls it as an organiser with no place on the team of
/// another organiser's draft event, naming that event's rows. Each must come back forbidden, not found or empty, and
/// the event's rows must be as they were. A method whose arguments this test cannot build fails with its name: teach
/// <see cref="Argument"/> the new parameter.
/// </summary>
public sealed class BoardPollRecordGuardTests : IAsyncLifetime
{
    private static readonly string[] FeatureNamespaces = ["EventHub.Core.OpenSpace", "EventHub.Core.Polls", "EventHub.Core.Proceedings"];

    private readonly string _materials = Path.Combine(Path.GetTempPath(), "eventhub-guards-" + Guid.NewGuid().ToString("N"));
    private CoreServices _services = default!;
    private Seeded _seeded = default!;

    public async ValueTask InitializeAsync()
    {
        _services = await CoreServices.CreateAsync(configure: s =>
        {
            s.AddOpenSpace();
            s.AddPolls();
            s.AddProceedings();
            s.AddSingleton(new MaterialStore(_materials));
        });
        _seeded = await SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_materials))
        {
            Directory.Delete(_materials, recursive: true);
        }
    }

    [Fact]
    public void The_walk_finds_the_services_of_all_three_features()
    {
        var types = GuardedMethods().Select(m => m.DeclaringType!.Namespace).Distinct();

        types.ShouldBe(FeatureNamespaces, ignoreOrder: true);
        GuardedMethods().Count().ShouldBeGreaterThan(25);
    }

    [Fact]
    public async Task Every_method_taking_an_actor_refuses_an_organiser_with_no_place_on_the_event_and_changes_nothing()
    {
        var before = await SnapshotAsync();
        var failures = new List<string>();
        foreach (var method in GuardedMethods())
        {
            var name = $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.Name))})";
            var service = _services.Provider.GetService(method.DeclaringType);
            if (service is null)
            {
                failures.Add($"{name}: the service is not registered, so the walk cannot call it");
                continue;
            }

            var args = method.GetParameters().Select(Argument).ToArray();
            var unknown = method.GetParameters().Where((_, i) => args[i] is Unknown).Select(p => $"{p.ParameterType.Name} {p.Name}").ToList();
            if (unknown.Count > 0)
            {
                failures.Add($"{name}: the walk cannot build {string.Join(", ", unknown)}");
                continue;
            }

            var verdict = Judge(await ResultAsync(method.Invoke(service, args)));
            if (verdict is not null)
            {
                failures.Add($"{name}: {verdict}");
            }
        }

        failures.ShouldBeEmpty();
        (await SnapshotAsync()).ShouldBe(before);
    }

    private static IEnumerable<MethodInfo> GuardedMethods() =>
        typeof(Actor).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !IsRecord(t) && FeatureNamespaces.Contains(t.Namespace))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.GetParameters().Any(p => p.ParameterType == typeof(Actor) || p.ParameterType == typeof(EditorKey)))
            .OrderBy(m => m.DeclaringType!.Name, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal);

    /// <summary>Records (an <see cref="EditorKey"/>, a view) carry an actor but are no use case.</summary>
    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    /// <summary>An argument that names a row of the other organiser's event, by the parameter's type and name.</summary>
    private object? Argument(ParameterInfo p)
    {
        var s = _seeded;
        var stranger = Actors.Stranger;
        return (p.ParameterType, p.Name) switch
        {
            (Type t, _) when t == typeof(Actor) => stranger,
            (Type t, _) when t == typeof(EditorKey) => EditorKey.ForOrganiser(stranger, s.FirstSessionId),
            (Type t, _) when t == typeof(CancellationToken) => CancellationToken.None,
            (Type t, "eventId") when t == typeof(int) => s.EventId,
            (Type t, "sessionId" or "firstSessionId" or "keepSessionId") when t == typeof(int) => s.FirstSessionId,
            (Type t, "secondSessionId" or "absorbSessionId") when t == typeof(int) => s.SecondSessionId,
            (Type t, "proposalId") when t == typeof(int) => s.ProposalId,
            (Type t, "roomId") when t == typeof(int) => s.RoomId,
            (Type t, "slotId") when t == typeof(int) => s.SlotId,
            (Type t, "pollId") when t == typeof(int) => s.PollId,
            (Type t, "materialId") when t == typeof(int) => s.MaterialId,
            (Type t, "writeUpId") when t == typeof(int) => s.WriteUpId,
            (Type t, "offset") when t == typeof(int) => -1,
            (Type t, "slug" or "eventSlug") when t == typeof(string) => s.Slug,
            (Type t, "megabytes") when t == typeof(string) => "5",
            (Type t, "perSession" or "perLink") when t == typeof(string) => "5",
            (Type t, "licence") when t == typeof(string) => nameof(ProceedingsLicence.Cc0),
            (Type t, "fileName") when t == typeof(string) => "slides.pdf",
            (Type t, "title") when t == typeof(string) => "Sneaky",
            (Type t, "url") when t == typeof(string) => "https://example.org/sneaky",
            (Type t, "maxBytes") when t == typeof(long) => 4096L,
            (Type t, "startUtc") when t == typeof(DateTime) => s.StartUtc.AddHours(5),
            (Type t, "endUtc") when t == typeof(DateTime) => s.StartUtc.AddHours(6),
            (Type t, _) when t == typeof(bool) => true,
            (Type t, _) when t == typeof(Stream) => Files.Pdf(),
            (Type t, _) when t == typeof(ProposalInput) => new ProposalInput("Sneaky", "Sam"),
            (Type t, _) when t == typeof(WalkInPolicy) => new WalkInPolicy(true, false),
            (Type t, _) when t == typeof(NotesInput) => new NotesInput { KeyPoints = "Sneaky" },
            (Type t, _) when t == typeof(FinaliseRequest) => new FinaliseRequest(s.PollId, s.OptionId),
            (Type t, _) when t == typeof(PollInput) => Polls.PollTestKit.ThreeEvenings(seriesId: s.SeriesId),
            (Type t, _) when t == typeof(IEnumerable<(string Name, string Email)>) => new[] { ("Ann", "ann@example.org") },
            _ => Unknown.Value,
        };
    }

    private static async Task<object?> ResultAsync(object? returned)
    {
        if (returned is not Task task)
        {
            return returned;
        }

        await task;
        var type = task.GetType();
        return type.IsGenericType ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }

    /// <summary>Null when the answer leaks nothing; otherwise what is wrong with it.</summary>
    private static string? Judge(object? result)
    {
        if (result is null)
        {
            return null;
        }

        var type = result.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Outcome<>))
        {
            var status = (OutcomeStatus)type.GetProperty(nameof(Outcome<object>.Status))!.GetValue(result)!;
            return status is OutcomeStatus.Forbidden or OutcomeStatus.NotFound ? null : $"came back {status}";
        }

        if (result is IEnumerable list and not string)
        {
            return list.Cast<object>().Any() ? "listed rows of an event the organiser has no place on" : null;
        }

        return $"returned a {type.Name} the walk does not know how to judge";
    }

    /// <summary>The other organiser's event, as far as these features keep it.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = _services.Database.CreateDbContext();
        var rows = new
        {
            Proposals = await db.Set<Proposal>().OrderBy(p => p.Id).Select(p => new { p.Id, p.Status, p.QueueOrder, p.SessionId }).ToListAsync(),
            Cells = await db.Set<BoardCell>().OrderBy(c => c.SessionId).Select(c => new { c.SessionId, c.RoomId, c.SlotId, c.IsPinned }).ToListAsync(),
            Slots = await db.Set<BoardSlot>().CountAsync(),
            Sessions = await db.Sessions.OrderBy(x => x.Id).Select(x => new { x.Id, x.Title, x.RoomId, x.StartUtc }).ToListAsync(),
            WalkIns = await db.Set<WalkInSettings>().Select(w => new { w.WalkInsMayPitch, w.ModerateWalkIns }).ToListAsync(),
            Polls = await db.Set<Poll>().OrderBy(p => p.Id).Select(p => new { p.Id, p.Status, p.EventId, p.SeriesId }).ToListAsync(),
            Events = await db.Events.CountAsync(),
            Materials = await db.Set<Material>().OrderBy(m => m.Id).Select(m => new { m.Id, m.IsHidden }).ToListAsync(),
            WriteUps = await db.Set<WriteUp>().OrderBy(w => w.Id).Select(w => new { w.Id, w.Status }).ToListAsync(),
            Settings = await db.Set<ProceedingsSettings>().Select(x => new { x.IsPublished, x.TrustContributors, x.MaxUploadBytes }).ToListAsync(),
            Notes = await db.Set<SessionNotes>().Select(n => new { n.SessionId, n.Revision, n.KeyPoints }).ToListAsync(),
            Outbox = await db.Set<OutboxMessage>().CountAsync(),
        };
        return JsonSerializer.Serialize(rows);
    }

    private async Task<Seeded> SeedAsync()
    {
        var owner = Actors.Organiser;
        await Teams.StoreAsync(_services.Database, owner);
        await Teams.StoreAsync(_services.Database, Actors.Stranger);
        var series = (await _services.Get<SeriesService>().CreateAsync(owner, new SeriesInput { Name = "Library Camp" })).Value!;
        var created = await _services.Get<EventService>().CreateAsync(owner, new EventInput
        {
            Title = "Library Camp 2026", Kind = EventKind.OpenSpace, VenueName = "Central Library", Capacity = 60, SeriesId = series.Id,
            StartLocal = new DateTime(2026, 12, 5, 9, 0, 0), EndLocal = new DateTime(2026, 12, 5, 17, 0, 0),
        });
        created.Succeeded.ShouldBeTrue(created.Message);
        var ev = created.Value!;
        var agenda = _services.Get<AgendaService>();
        var room = (await agenda.SaveRoomAsync(owner, ev.Id, null, new RoomInput { Name = "Reading room", Capacity = 20 })).Value!;
        var other = (await agenda.SaveRoomAsync(owner, ev.Id, null, new RoomInput { Name = "Hall", Capacity = 80 })).Value!;
        var slot = (await _services.Get<BoardLayoutService>().AddSlotAsync(owner, ev.Id, ev.StartUtc.AddHours(1), ev.StartUtc.AddHours(2))).Value!;
        var queue = _services.Get<PitchQueueService>();
        var placement = _services.Get<SessionPlacementService>();
        async Task<int> PlaceAsync(string title, int roomId)
        {
            var proposal = (await queue.ProposeOnBehalfAsync(owner, ev.Id, new ProposalInput(title, "Cat Convener"))).Value!;
            return (await placement.PlaceAsync(owner, proposal.Id, roomId, slot.Id)).Value!.SessionId;
        }

        var first = await PlaceAsync("Zines in libraries", room.Id);
        var second = await PlaceAsync("Makerspaces", other.Id);
        var queued = (await queue.ProposeOnBehalfAsync(owner, ev.Id, new ProposalInput("Still waiting", "Pat"))).Value!;
        (await _services.Get<WalkInPitchService>().SetPolicyAsync(owner, ev.Id, new WalkInPolicy(false, true))).Succeeded.ShouldBeTrue();
        (await _services.Get<MaterialService>().AddLinkAsync(EditorKey.ForOrganiser(owner, first), "Video", "https://example.org/video")).Succeeded.ShouldBeTrue();
        var upload = (await _services.Get<MaterialService>().UploadAsync(EditorKey.ForOrganiser(owner, first), "slides.pdf", Files.Pdf())).Value!;
        var writeUp = (await _services.Get<ProceedingsService>().SubmitWriteUpAsync(first, new WriteUpInput("Ann", "Good session", null))).Value!;
        var poll = (await _services.Get<PollSetupService>().CreateAsync(owner, Polls.PollTestKit.ThreeEvenings(seriesId: series.Id))).Value!;
        return new Seeded(ev.Id, ev.Slug, ev.StartUtc, series.Id, room.Id, slot.Id, first, second, queued.Id, upload.Id, writeUp.Id, poll.Id, poll.Options[0].Id);
    }

    private sealed record Seeded(
        int EventId, string Slug, DateTime StartUtc, int SeriesId, int RoomId, int SlotId, int FirstSessionId, int SecondSessionId,
        int ProposalId, int MaterialId, int WriteUpId, int PollId, int OptionId);

    /// <summary>A parameter the walk could not build an argument for.</summary>
    private sealed class Unknown
    {
        public static readonly Unknown Value = new();
    }
}
