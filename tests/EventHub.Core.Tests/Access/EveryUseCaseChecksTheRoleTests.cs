using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Dashboards;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Feedback;
using EventHub.Core.FollowUps;
using EventHub.Core.MailingLists;
using EventHub.Core.NewsRoom;
using EventHub.Core.OpenSpace;
using EventHub.Core.Polls;
using EventHub.Core.Privacy;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Polls;
using EventHub.Core.Tests.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventHub.Core.Tests.Access;

/// <summary>
/// Walks every public method that takes an <see cref="Actor"/> (or a <see cref="Door"/> or an <see cref="EditorKey"/>,
/// which carry one) on every Core service the app registers in the features below, and calls it as an organiser
/// with no place on the target event's teams, naming the rows of one real event that another organiser owns (its
/// series, booking, ticket type, board, poll, materials and so on). Each must answer forbidden or not found (or
/// nothing: null, an empty list, zero), leak nothing of that event and change none of its rows. Arguments come from
/// one table (<see cref="Table"/>), by parameter type and, where a type is ambiguous, by name; a method whose arguments
/// the table cannot build fails the test with its name: add one entry, never skip it.
/// </summary>
public sealed class EveryUseCaseChecksTheRoleTests : IAsyncLifetime
{
    /// <summary>The feature namespaces walked (EventHub.Core.&lt;Feature&gt; and below).</summary>
    private static readonly string[] Features =
        ["Bookings", "CheckIn", "Dashboards", "Events", "Feedback", "FollowUps", "MailingLists", "NewsRoom", "OpenSpace", "Polls", "Privacy", "Proceedings", "Email"];

    /// <summary>Methods that act on nothing of another organiser's, each with the reason.</summary>
    private static readonly Dictionary<string, string> NotAboutAnEvent = new()
    {
        ["EventService.CreateAsync"] = "creates the actor's own event",
        ["SeriesService.CreateAsync"] = "creates the actor's own series",
        ["EventService.SuggestSlugAsync"] = "suggests a web address for the actor's own event; public pages show which are taken",
    };

    /// <summary>
    /// The site-level permission to answer data requests grants only the personal-data use cases, which a stranger
    /// with it may use (DataRequestsPermissionTests); on every event they still have no role.
    /// </summary>
    private static readonly HashSet<string> DataRequestUseCases = ["SubjectAccessService.FindAsync", "SubjectAccessService.EraseAsync"];

    private static readonly Actor Owner = Actor.Organiser("owner-1", "Owen Owner");
    private static readonly Actor Stranger = Actor.Organiser("stranger-1", "Sam Stranger");

    private static readonly JsonSerializerOptions Json = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _materials = Path.Combine(Path.GetTempPath(), "eventhub-walk-" + Guid.NewGuid().ToString("N"));
    private readonly IServiceCollection _registered = new ServiceCollection();
    private readonly List<EventHubDbContext> _contexts = [];
    private Actor _stranger = Stranger;
    private CoreServices _core = default!;
    private Seeded _seeded = default!;
    private IReadOnlyList<Entry> _table = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await CoreServices.CreateAsync(configure: services =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
            services.AddBookings().AddCheckIn().AddDashboards().AddEmail(configuration).AddFeedback().AddFollowUps().AddMailingLists()
                .AddNewsRoom().AddPrivacy().AddOpenSpace().AddPolls().AddProceedings();
            services.AddSingleton(new MaterialStore(_materials));
            foreach (var descriptor in services)
            {
                _registered.Add(descriptor);
            }
        });
        _seeded = await SeedAsync();
        _table = Table();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _contexts)
        {
            await db.DisposeAsync();
        }

        await _core.DisposeAsync();
        if (Directory.Exists(_materials))
        {
            Directory.Delete(_materials, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_use_case_refuses_an_organiser_with_no_role_on_the_event_and_leaks_nothing(bool answersDataRequests)
    {
        _stranger = Stranger with { CanAnswerDataRequests = answersDataRequests };
        var before = await SnapshotAsync();
        var failures = new List<string>();
        var walked = new List<string>();
        var featuresWalked = new HashSet<string>();
        foreach (var (service, method) in UseCases())
        {
            var shortName = $"{service.GetType().Name}.{method.Name}";
            var name = $"{shortName}({string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"))})";
            if (NotAboutAnEvent.ContainsKey(shortName) || (answersDataRequests && DataRequestUseCases.Contains(shortName)))
            {
                continue;
            }

            walked.Add(name);
            featuresWalked.UnionWith(Features.Where(f => InFeature(service.GetType(), f)));
            object?[] arguments;
            try
            {
                arguments = method.GetParameters().Select(p => ArgumentFor(p.ParameterType, p.Name!, service.GetType(), p)).ToArray();
            }
            catch (CannotBuildException ex)
            {
                failures.Add($"{name}: cannot build the argument {ex.Message}; add it to the table");
                continue;
            }

            object? result;
            try
            {
                result = await ResultOfAsync(method.Invoke(service, arguments));
            }
            catch (Exception ex)
            {
                var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
                failures.Add($"{name}: threw {inner.GetType().Name}: {inner.Message}");
                continue;
            }

            if (Judge(result) is { } wrong)
            {
                failures.Add($"{name}: {wrong}");
            }

            var shown = JsonSerializer.Serialize(result, Json);
            foreach (var secret in _seeded.Secrets.Where(s => shown.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{name}: leaks \"{secret}\"");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        walked.Count.ShouldBeGreaterThan(100, string.Join(Environment.NewLine, walked));
        Features.Where(f => !featuresWalked.Contains(f)).ShouldBeEmpty("features with no use case walked: check the registrations above");
        (await SnapshotAsync()).ShouldBe(before, "the stranger changed a row of the event");
    }

    [Fact]
    public void Every_public_class_with_a_use_case_in_the_walked_features_is_registered_so_the_walk_reaches_it()
    {
        var registered = _registered.Select(d => d.ImplementationType ?? d.ServiceType).ToHashSet();
        var missed = typeof(Actor).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethod("<Clone>$") is null && Features.Any(f => InFeature(t, f)))
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(TakesAnActor))
            .Where(t => !registered.Contains(t))
            .Select(t => t.FullName);

        missed.ShouldBeEmpty();
    }

    private IEnumerable<(object Service, MethodInfo Method)> UseCases()
    {
        var types = _registered
            .Where(d => d.ServiceType != typeof(IHostedService))
            .Select(d => (d.ServiceType, Implementation: d.ImplementationType ?? d.ServiceType))
            .Where(t => t.Implementation is { IsClass: true, IsPublic: true } && Features.Any(f => InFeature(t.Implementation, f)))
            .DistinctBy(t => t.Implementation)
            .ToList();
        foreach (var (serviceType, implementation) in types)
        {
            var service = _core.Provider.GetService(serviceType);
            if (service is null)
            {
                continue;
            }

            foreach (var method in implementation.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && TakesAnActor(m))
                .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.GetParameters().Length))
            {
                yield return (service, method);
            }
        }
    }

    private static bool TakesAnActor(MethodInfo method) =>
        method.GetParameters().Any(p => p.ParameterType == typeof(Actor) || p.ParameterType == typeof(Door) || p.ParameterType == typeof(EditorKey));

    private static bool InFeature(Type type, string feature) =>
        type.Namespace is { } ns && (ns == "EventHub.Core." + feature || ns.StartsWith("EventHub.Core." + feature + ".", StringComparison.Ordinal));

    /// <summary>
    /// The one table of arguments: a type alone, or a type and the parameter (or input property) names it answers,
    /// or also the service when a name alone is ambiguous ("id"). The most specific entry wins.
    /// </summary>
    private List<Entry> Table()
    {
        var s = _seeded;
        return
        [
            new(typeof(Actor), () => _stranger),
            new(typeof(Door), () => Door.ForOrganiser(_stranger)),
            new(typeof(EditorKey), () => EditorKey.ForOrganiser(_stranger, s.FirstSession)),
            new(typeof(CancellationToken), () => Ct),
            new(typeof(EventHubDbContext), NewContext),
            new(typeof(bool), () => true),
            new(typeof(Stream), () => Files.Pdf()),
            new(typeof(DateTime), () => s.StartUtc.AddDays(1)),
            new(typeof(DateTime), () => s.StartUtc.AddHours(5), "startUtc"),
            new(typeof(DateTime), () => s.StartUtc.AddHours(6), "endUtc"),
            new(typeof(DateOnly), () => DateOnly.FromDateTime(s.StartUtc)),
            new(typeof(int), () => s.Event, "eventId", "exceptEventId", "id"),
            new(typeof(int), () => s.Series, "seriesId"),
            new(typeof(int), () => s.Booking, "bookingId"),
            new(typeof(int), () => s.TicketType, "ticketTypeId"),
            new(typeof(int), () => s.Question, "questionId"),
            new(typeof(int), () => s.Room, "roomId"),
            new(typeof(int), () => s.FirstSession, "sessionId", "firstSessionId", "keepSessionId"),
            new(typeof(int), () => s.SecondSession, "secondSessionId", "absorbSessionId"),
            new(typeof(int), () => s.DoorLink, "linkId"),
            new(typeof(int), () => s.TeamMember, "memberId"),
            new(typeof(int), () => s.Announcement, "announcementId"),
            new(typeof(int), () => s.Proposal, "proposalId"),
            new(typeof(int), () => s.Slot, "slotId"),
            new(typeof(int), () => s.Poll, "pollId"),
            new(typeof(int), () => s.Material, "materialId"),
            new(typeof(int), () => s.WriteUp, "writeUpId"),
            new(typeof(int), () => 0, "page"),
            new(typeof(int), () => 20, "pageSize"),
            new(typeof(int), () => -1, "offset"),
            new(typeof(int), () => s.TicketType, "id") { Service = typeof(TicketTypeAdminService) },
            new(typeof(int), () => s.Question, "id") { Service = typeof(QuestionAdminService) },
            new(typeof(int), () => s.Series, "id") { Service = typeof(SeriesService) },
            new(typeof(long), () => s.Mail, "id") { Service = typeof(OutgoingMail) },
            new(typeof(long), () => 4096L, "maxBytes"),
            new(typeof(string), () => "Changed by a stranger"),
            new(typeof(string), () => s.CheckInCode, "code"),
            new(typeof(string), () => "Zed", "term", "search"),
            new(typeof(string), () => s.Slug, "slug", "eventSlug"),
            new(typeof(string), () => "5", "megabytes", "perSession", "perLink"),
            new(typeof(string), () => nameof(ProceedingsLicence.Cc0), "licence"),
            new(typeof(string), () => "slides.pdf", "fileName"),
            new(typeof(string), () => "https://example.org/sneaky", "url"),
            new(typeof(IReadOnlyCollection<int>), () => new List<int> { s.FirstSession }),
            new(typeof(IReadOnlyList<int>), () => new List<int> { s.FirstSession }),
            new(typeof(IEnumerable<int>), () => new List<int> { s.FirstSession }),
            new(typeof(IEnumerable<(string Name, string Email)>), () => new[] { ("Ann", "ann@example.org") }),
            new(typeof(ProposalInput), () => new ProposalInput("Sneaky", "Sam")),
            new(typeof(WalkInPolicy), () => new WalkInPolicy(true, false)),
            new(typeof(NotesInput), () => new NotesInput { KeyPoints = "Sneaky" }),
            new(typeof(FinaliseRequest), () => new FinaliseRequest(s.Poll, s.Option)),
            new(typeof(PollInput), () => PollTestKit.ThreeEvenings(seriesId: s.Series)),
        ];
    }

    /// <summary>An argument for a parameter (or a property of an input): the table first, then what any type allows.</summary>
    private object? ArgumentFor(Type type, string name, Type service, ParameterInfo? parameter = null)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var entry = _table
            .Where(e => e.Type == underlying && (e.Names.Length == 0 || e.Names.Contains(name, StringComparer.OrdinalIgnoreCase)) && (e.Service is null || e.Service == service))
            .OrderByDescending(e => (e.Service is null ? 0 : 2) + (e.Names.Length == 0 ? 0 : 1))
            .FirstOrDefault();
        if (entry is not null && (entry.Names.Length > 0 || underlying != typeof(int) && underlying != typeof(long)))
        {
            return entry.Value();
        }

        // An optional value (a quota, a limit, a filter) is left out; a required number the table does not know fails.
        if (parameter is { HasDefaultValue: true } && (underlying.IsValueType || underlying.IsInterface || underlying.IsAbstract))
        {
            return parameter.DefaultValue;
        }

        if (type != underlying && (underlying == typeof(int) || underlying == typeof(long)))
        {
            return null;
        }

        if (underlying.IsEnum)
        {
            var values = Enum.GetValues(underlying);
            return values.GetValue(values.Length - 1);
        }

        // A list of inputs (an offline door's queued check-ins): one built input.
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() is var list
            && (list == typeof(IReadOnlyList<>) || list == typeof(IReadOnlyCollection<>) || list == typeof(IEnumerable<>))
            && underlying.GetGenericArguments()[0] is { IsClass: true, IsAbstract: false } item && IsCore(item))
        {
            var items = Array.CreateInstance(item, 1);
            items.SetValue(Build(item, service), 0);
            return items;
        }

        if (underlying is { IsClass: true, IsAbstract: false } && IsCore(underlying))
        {
            return Build(underlying, service);
        }

        throw new CannotBuildException($"{name} ({type.Name})");
    }

    private static bool IsCore(Type type) => type.Namespace?.StartsWith("EventHub.Core", StringComparison.Ordinal) == true;

    /// <summary>An input or query: its longest constructor, then every settable id property, from their names.</summary>
    private object Build(Type type, Type service)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var instance = constructor.Invoke(constructor.GetParameters()
            .Select(p => p.Name!.EndsWith("Id", StringComparison.Ordinal) || p.Name!.EndsWith("Ids", StringComparison.Ordinal) || !p.HasDefaultValue
                ? ArgumentFor(p.ParameterType, p.Name!, service, p)
                : p.DefaultValue)
            .ToArray());
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.Name.EndsWith("Id", StringComparison.Ordinal)))
        {
            property.SetValue(instance, ArgumentFor(property.PropertyType, property.Name, service));
        }

        return instance;
    }

    private EventHubDbContext NewContext()
    {
        var db = _core.Database.CreateDbContext();
        _contexts.Add(db);
        return db;
    }

    private static async Task<object?> ResultOfAsync(object? returned)
    {
        if (returned is not Task task)
        {
            return returned;
        }

        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task) is { } value && value.GetType().Name != "VoidTaskResult" ? value : null;
    }

    /// <summary>Null when the answer refuses or shows nothing; otherwise what is wrong with it.</summary>
    private static string? Judge(object? result)
    {
        switch (result)
        {
            case null:
                return null;
            case Refusal refusal:
                return refusal.Status is OutcomeStatus.Forbidden or OutcomeStatus.NotFound ? null : $"refused with {refusal.Status}, not forbidden or not found";
            case CheckInResult scan:
                return scan.Status == CheckInStatus.DoorNotAllowed && scan.Name is null ? null : $"scanned with {scan.Status}";
            case EventPermissions permissions:
                return permissions.Granted.Count == 0 ? null : "granted " + string.Join(", ", permissions.Granted);
            case AccessScope scope:
                return !scope.All && scope.EventIds.Count == 0 ? null : "has a scope";
            case string text:
                return $"answered \"{text}\"";
            case IEnumerable list:
                return list.Cast<object?>().Any() ? "answered a list that is not empty" : null;
        }

        var type = result.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Outcome<>))
        {
            var status = (OutcomeStatus)type.GetProperty(nameof(Outcome<int>.Status))!.GetValue(result)!;
            return status is OutcomeStatus.Forbidden or OutcomeStatus.NotFound ? null : $"answered {status}, not forbidden or not found";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PagedResult<>))
        {
            var items = (IEnumerable)type.GetProperty("Items")!.GetValue(result)!;
            var total = (int)type.GetProperty("TotalCount")!.GetValue(result)!;
            return total == 0 && !items.Cast<object?>().Any() ? null : $"answered a page of {total}";
        }

        return IsNothing(result) ? null : $"answered {type.Name} with something in it";
    }

    /// <summary>Zero, false, null, an empty list, or a record of only those (counts of nothing).</summary>
    private static bool IsNothing(object? value) => value switch
    {
        null => true,
        int n => n == 0,
        long n => n == 0,
        double n => n == 0,
        bool b => !b,
        string s => s.Length == 0,
        IEnumerable list => !list.Cast<object?>().Any(),
        _ when value.GetType().IsClass => value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0).All(p => IsNothing(p.GetValue(value))),
        _ => false,
    };

    /// <summary>Every row of the owner's event that a use case could change, as one text to compare.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = _core.Database.CreateDbContext();
        var rows = new
        {
            Events = await db.Events.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Title, e.Status, e.Capacity, e.StartUtc }).ToListAsync(Ct),
            Series = await db.Set<EventSeries>().AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.Id, x.Name }).ToListAsync(Ct),
            Bookings = await db.Set<Booking>().AsNoTracking().OrderBy(b => b.Id).Select(b => new { b.Id, b.Status, b.Name, b.TicketTypeId }).ToListAsync(Ct),
            Tickets = await db.Set<TicketType>().AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Name, t.Hidden }).ToListAsync(Ct),
            Questions = await db.Set<RegistrationQuestion>().AsNoTracking().OrderBy(q => q.Id).Select(q => new { q.Id, q.Text, q.Hidden }).ToListAsync(Ct),
            DoorLinks = await db.Set<DoorLink>().AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.RevokedUtc }).ToListAsync(Ct),
            CheckIns = await db.Set<CheckInRecord>().CountAsync(Ct),
            Team = await db.Set<TeamMember>().AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.OrganiserId, m.Role, m.CanSeeNeeds }).ToListAsync(Ct),
            Rooms = await db.Rooms.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Name }).ToListAsync(Ct),
            Sessions = await db.Sessions.AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.Id, x.Title, x.RoomId, x.StartUtc }).ToListAsync(Ct),
            Proposals = await db.Set<Proposal>().AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Status, p.QueueOrder, p.SessionId }).ToListAsync(Ct),
            Cells = await db.Set<BoardCell>().AsNoTracking().OrderBy(c => c.SessionId).Select(c => new { c.SessionId, c.RoomId, c.SlotId, c.IsPinned }).ToListAsync(Ct),
            Slots = await db.Set<BoardSlot>().CountAsync(Ct),
            WalkIns = await db.Set<WalkInSettings>().AsNoTracking().Select(w => new { w.WalkInsMayPitch, w.ModerateWalkIns }).ToListAsync(Ct),
            Polls = await db.Set<Poll>().AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Status, p.EventId, p.SeriesId }).ToListAsync(Ct),
            Materials = await db.Set<Material>().AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.IsHidden }).ToListAsync(Ct),
            WriteUps = await db.Set<WriteUp>().AsNoTracking().OrderBy(w => w.Id).Select(w => new { w.Id, w.Status }).ToListAsync(Ct),
            Settings = await db.Set<ProceedingsSettings>().AsNoTracking().Select(x => new { x.IsPublished, x.TrustContributors, x.MaxUploadBytes }).ToListAsync(Ct),
            Notes = await db.Set<SessionNotes>().AsNoTracking().Select(n => new { n.SessionId, n.Revision, n.KeyPoints }).ToListAsync(Ct),
            News = await db.Set<Announcement>().AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct),
            Outbox = await db.Set<OutboxMessage>().CountAsync(Ct),
            BulkEmails = await db.Set<BulkEmail>().CountAsync(Ct),
            ListAnnouncements = await db.Set<ListAnnouncement>().CountAsync(Ct),
            Retention = await db.Set<RetentionSetting>().CountAsync(Ct),
            Reminders = await db.Set<ReminderSettings>().CountAsync(Ct),
        };
        return JsonSerializer.Serialize(rows, Json);
    }

    /// <summary>
    /// Owen's Open Space event in Owen's series, booked while published and then taken back to a draft: two rooms, a slot with two placed sessions and a queued
    /// pitch, walk-in rules, a link and an upload, a write-up, a date poll, a ticket type, a question, a checked-in
    /// booking, a door link with its mail, and a news post.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        await Teams.StoreAsync(_core.Database, Owner);
        await Teams.StoreAsync(_core.Database, Stranger);
        var series = await _core.Get<SeriesService>().CreateAsync(Owner, new SeriesInput { Name = "Owen's series", Slug = "owens-series" }, Ct);
        series.Succeeded.ShouldBeTrue(series.Message);
        var now = _core.Clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Owen's forum", Slug = "owens-forum", Kind = EventKind.OpenSpace, SeriesId = series.Value!.Id, Status = EventStatus.Published,
            Capacity = 20, StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(6), BookingOpensUtc = now.AddDays(-1), CreatedUtc = now, UpdatedUtc = now,
        };
        await using (var db = _core.Database.CreateDbContext())
        {
            db.Add(ev);
            await db.SaveChangesAsync(Ct);
        }

        await Teams.JoinEventAsync(_core.Database, Owner, ev.Id, TeamRole.Owner);
        var agenda = _core.Get<AgendaService>();
        var room = (await agenda.SaveRoomAsync(Owner, ev.Id, null, new RoomInput { Name = "Owen's room", Capacity = 20 }, Ct)).Value!;
        var hall = (await agenda.SaveRoomAsync(Owner, ev.Id, null, new RoomInput { Name = "Hall", Capacity = 80 }, Ct)).Value!;
        var slot = (await _core.Get<BoardLayoutService>().AddSlotAsync(Owner, ev.Id, ev.StartUtc.AddHours(1), ev.StartUtc.AddHours(2), Ct)).Value!;
        var queue = _core.Get<PitchQueueService>();
        async Task<int> PlaceAsync(string title, int roomId)
        {
            var proposal = (await queue.ProposeOnBehalfAsync(Owner, ev.Id, new ProposalInput(title, "Cat Convener"), Ct)).Value!;
            return (await _core.Get<SessionPlacementService>().PlaceAsync(Owner, proposal.Id, roomId, slot.Id, Ct)).Value!.SessionId;
        }

        var first = await PlaceAsync("Zines in libraries", room.Id);
        var second = await PlaceAsync("Makerspaces", hall.Id);
        var queued = (await queue.ProposeOnBehalfAsync(Owner, ev.Id, new ProposalInput("Still waiting", "Pat"), Ct)).Value!;
        (await _core.Get<WalkInPitchService>().SetPolicyAsync(Owner, ev.Id, new WalkInPolicy(false, true), Ct)).Succeeded.ShouldBeTrue();
        var materials = _core.Get<MaterialService>();
        (await materials.AddLinkAsync(EditorKey.ForOrganiser(Owner, first), "Video", "https://example.org/video", Ct)).Succeeded.ShouldBeTrue();
        var upload = (await materials.UploadAsync(EditorKey.ForOrganiser(Owner, first), "slides.pdf", Files.Pdf(), ct: Ct)).Value!;
        var writeUp = (await _core.Get<WriteUpService>().SubmitWriteUpAsync(first, new WriteUpInput("Ann", "Good session", null), Ct)).Value!;
        var poll = (await _core.Get<PollSetupService>().CreateAsync(Owner, PollTestKit.ThreeEvenings(seriesId: series.Value.Id), Ct)).Value!;

        var ticket = (await _core.Get<TicketTypeAdminService>().SaveAsync(Owner, ev.Id, null, "Owen's ticket", "", null, hidden: true, ct: Ct)).Value!;
        var question = (await _core.Get<QuestionAdminService>().SaveAsync(Owner, ev.Id, null, "Owen's question?", "", QuestionKind.ShortText, false, "", Ct)).Value!;
        var form = new BookingForm
        {
            Name = "Zed Secretname", Email = "zed.secret@devon.gov.uk", Organisation = "Secret Organisation", PrivacyConsent = true,
            TicketTypeId = ticket.Id, TicketSecret = ticket.SecretToken, AccessNeeds = "Secret access need", DietaryNeeds = "Secret diet",
        };
        form.Answers[question.Id] = "Secret answer";
        var booked = await _core.Get<BookingService>().BookAsync(new BookingRequest(ev.Id, form), Ct);
        booked.Succeeded.ShouldBeTrue(booked.Message);
        (await _core.Get<CheckInService>().CheckInAsync(booked.Value!.CheckInCode!, Door.ForOrganiser(Owner), ev.Id, Ct)).Status.ShouldBe(CheckInStatus.CheckedIn);
        var link = (await _core.Get<DoorLinkService>().CreateAsync(Owner, ev.Id, new DoorLinkInput("Owen's door", now, now.AddDays(31)), Ct)).Value!;
        var news = (await _core.Get<NewsService>().PostAsync(Owner, ev.Id, "Owen's news", Ct)).Value!;

        // Back to a draft, so nothing of it is public (a published board and its materials are).
        await using var read = _core.Database.CreateDbContext();
        await read.Events.Where(e => e.Id == ev.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EventStatus.Draft), Ct);
        var booking = await read.Set<Booking>().AsNoTracking().SingleAsync(Ct);
        var mail = await read.Set<OutboxMessage>().AsNoTracking().FirstAsync(m => m.EventId == ev.Id, Ct);
        var member = await read.Set<TeamMember>().Where(m => m.EventId == ev.Id && m.OrganiserId == Owner.UserId).Select(m => m.Id).SingleAsync(Ct);
        return new Seeded(ev.Id, ev.Slug, ev.StartUtc, series.Value.Id, booking.Id, ticket.Id, question.Id, room.Id, first, second, slot.Id, queued.Id,
            link.Id, mail.Id, booking.CheckInCode!, member, news.Id, upload.Id, writeUp.Id, poll.Id, poll.Options[0].Id,
            ["Zed Secretname", "zed.secret", "Secret Organisation", "Secret access need", "Secret diet", "Secret answer", booking.Reference,
                booked.Value.ManageToken, booking.CheckInCode!, link.Token, ticket.SecretToken!, "Owen's door", "Owen's ticket", "Owen's question",
                "Zines in libraries", "Still waiting", "Good session"]);
    }

    /// <summary>One argument the table gives: for a type, for the names listed (none: any name), for one service only.</summary>
    private sealed record Entry(Type Type, Func<object?> Value, params string[] Names)
    {
        public Type? Service { get; init; }
    }

    private sealed record Seeded(
        int Event, string Slug, DateTime StartUtc, int Series, int Booking, int TicketType, int Question, int Room, int FirstSession, int SecondSession,
        int Slot, int Proposal, int DoorLink, long Mail, string CheckInCode, int TeamMember, int Announcement, int Material, int WriteUp, int Poll,
        int Option, IReadOnlyList<string> Secrets);

    private sealed class CannotBuildException(string message) : Exception(message);
}
