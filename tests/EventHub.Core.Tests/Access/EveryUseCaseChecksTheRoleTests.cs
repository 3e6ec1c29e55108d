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
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventHub.Core.Tests.Access;

/// <summary>
/// Walks every public method that takes an <see cref="Actor"/> (or a <see cref="Door"/>) on every Core service the
/// app registers in the features below, and calls it as an organiser with no place on the target event's teams,
/// with the ids of a real event, series, booking, ticket type and so on that another organiser owns. Each must
/// answer forbidden or not found (or nothing: null, an empty list, zero) and leak nothing of that event. A method
/// whose arguments the test cannot build fails the test with its name: add what it needs here, never skip it.
/// </summary>
public sealed class EveryUseCaseChecksTheRoleTests : IAsyncLifetime
{
    /// <summary>The feature namespaces walked (EventHub.Core.&lt;Feature&gt; and below).</summary>
    private static readonly string[] Features = ["Bookings", "CheckIn", "Dashboards", "Events", "Feedback", "FollowUps", "MailingLists", "NewsRoom", "Privacy", "Email"];

    /// <summary>Methods that act on nothing of another organiser's, each with the reason.</summary>
    private static readonly Dictionary<string, string> NotAboutAnEvent = new()
    {
        ["EventService.CreateAsync"] = "creates the actor's own event",
        ["SeriesService.CreateAsync"] = "creates the actor's own series",
        ["EventService.SuggestSlugAsync"] = "suggests a web address for the actor's own event; public pages show which are taken",
    };

    private static readonly Actor Owner = Actor.Organiser("owner-1", "Owen Owner");
    private static readonly Actor Stranger = Actor.Organiser("stranger-1", "Sam Stranger");

    private static readonly JsonSerializerOptions Json = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The site-level permission to answer data requests grants only the personal-data use cases, which a stranger
    /// with it may use (DataRequestsPermissionTests); on every event they still have no role.
    /// </summary>
    private static readonly HashSet<string> DataRequestUseCases = ["SubjectAccessService.FindAsync", "SubjectAccessService.EraseAsync"];

    private readonly IServiceCollection _registered = new ServiceCollection();
    private Actor _stranger = Stranger;
    private readonly List<EventHubDbContext> _contexts = [];
    private CoreServices _core = default!;
    private Ids _ids = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _core = await CoreServices.CreateAsync(configure: services =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
            services.AddBookings().AddCheckIn().AddDashboards().AddEmail(configuration).AddFeedback().AddFollowUps().AddMailingLists().AddNewsRoom().AddPrivacy();
            foreach (var descriptor in services)
            {
                _registered.Add(descriptor);
            }
        });
        _ids = await ArrangeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _contexts)
        {
            await db.DisposeAsync();
        }

        await _core.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_use_case_refuses_an_organiser_with_no_role_on_the_event_and_leaks_nothing(bool answersDataRequests)
    {
        _stranger = Stranger with { CanAnswerDataRequests = answersDataRequests };
        var failures = new List<string>();
        var walked = new List<string>();
        var featuresWalked = new HashSet<string>();
        foreach (var (service, method) in UseCases())
        {
            var name = $"{service.GetType().Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
            if (NotAboutAnEvent.ContainsKey($"{service.GetType().Name}.{method.Name}")
                || (answersDataRequests && DataRequestUseCases.Contains($"{service.GetType().Name}.{method.Name}")))
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
                failures.Add($"{name}: cannot build the argument {ex.Message}; teach this test how");
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
            foreach (var secret in _ids.Secrets.Where(s => shown.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{name}: leaks \"{secret}\"");
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        walked.Count.ShouldBeGreaterThan(40, string.Join(Environment.NewLine, walked));
        Features.Where(f => !featuresWalked.Contains(f)).ShouldBeEmpty("features with no use case walked: check the registrations above");

        await ShouldBeUntouchedAsync();
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
                .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Actor) || p.ParameterType == typeof(Door)))
                .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.GetParameters().Length))
            {
                yield return (service, method);
            }
        }
    }

    private static bool InFeature(Type type, string feature) =>
        type.Namespace is { } ns && (ns == "EventHub.Core." + feature || ns.StartsWith("EventHub.Core." + feature + ".", StringComparison.Ordinal));

    /// <summary>An argument for a parameter (or a property of an input) from its type and name.</summary>
    private object? ArgumentFor(Type type, string name, Type service, ParameterInfo? parameter = null)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var key = name.ToLowerInvariant();
        if (underlying == typeof(Actor))
        {
            return _stranger;
        }

        if (underlying == typeof(Door))
        {
            return Door.ForOrganiser(_stranger);
        }

        if (underlying == typeof(CancellationToken))
        {
            return Ct;
        }

        if (underlying == typeof(EventHubDbContext))
        {
            var db = _core.Database.CreateDbContext();
            _contexts.Add(db);
            return db;
        }

        if (underlying == typeof(int) || underlying == typeof(long))
        {
            int? id = key switch
            {
                "eventid" or "excepteventid" => _ids.Event,
                "bookingid" => _ids.Booking,
                "linkid" => _ids.DoorLink,
                "sessionid" => _ids.Session,
                "roomid" => _ids.Room,
                "seriesid" => _ids.Series,
                "tickettypeid" => _ids.TicketType,
                "questionid" => _ids.Question,
                "memberid" => _ids.TeamMember,
                "announcementid" => _ids.Announcement,
                "page" => 0,
                "pagesize" => 20,
                "id" when service == typeof(TicketTypeAdminService) => _ids.TicketType,
                "id" when service == typeof(QuestionAdminService) => _ids.Question,
                "id" when service == typeof(SeriesService) => _ids.Series,
                "id" when service == typeof(OutgoingMail) => checked((int)_ids.Mail),
                "id" => _ids.Event,
                _ => null,
            };
            if (id is null)
            {
                // An optional number (a quota, a limit) is left out; a required one the test does not know fails it.
                return parameter is { HasDefaultValue: true } ? parameter.DefaultValue
                    : type != underlying ? null
                    : throw new CannotBuildException($"{name} ({type.Name})");
            }

            return underlying == typeof(long) ? (object)(long)id.Value : id.Value;
        }

        if (underlying == typeof(string))
        {
            return key switch
            {
                "code" => _ids.CheckInCode,
                "term" or "search" => "Zed",
                _ => "Changed by a stranger",
            };
        }

        if (underlying == typeof(bool))
        {
            return true;
        }

        if (underlying.IsEnum)
        {
            var values = Enum.GetValues(underlying);
            return values.GetValue(values.Length - 1);
        }

        if (underlying == typeof(DateOnly))
        {
            return new DateOnly(2027, 3, 4);
        }

        if (underlying == typeof(DateTime))
        {
            return _core.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        }

        if (underlying == typeof(IReadOnlyCollection<int>) || underlying == typeof(IReadOnlyList<int>) || underlying == typeof(IEnumerable<int>))
        {
            return new List<int> { _ids.Session };
        }

        // A list of inputs (an offline door's queued check-ins): one built input.
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() is var list
            && (list == typeof(IReadOnlyList<>) || list == typeof(IReadOnlyCollection<>) || list == typeof(IEnumerable<>))
            && underlying.GetGenericArguments()[0] is { IsClass: true, IsAbstract: false } item
            && item.Namespace?.StartsWith("EventHub.Core", StringComparison.Ordinal) == true)
        {
            var items = Array.CreateInstance(item, 1);
            items.SetValue(Build(item, service), 0);
            return items;
        }

        if (parameter is { HasDefaultValue: true } && (underlying.IsInterface || underlying.IsAbstract))
        {
            return parameter.DefaultValue;
        }

        if (underlying.IsClass && !underlying.IsAbstract && underlying.Namespace?.StartsWith("EventHub.Core", StringComparison.Ordinal) == true)
        {
            return Build(underlying, service);
        }

        throw new CannotBuildException($"{name} ({type.Name})");
    }

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

    private async Task ShouldBeUntouchedAsync()
    {
        await using var db = _core.Database.CreateDbContext();
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == _ids.Event, Ct);
        ev.Status.ShouldBe(EventStatus.Published);
        ev.Title.ShouldBe("Owen's forum");
        (await db.Events.CountAsync(Ct)).ShouldBe(1, "nothing was copied");
        (await db.Set<Booking>().AsNoTracking().SingleAsync(b => b.Id == _ids.Booking, Ct)).Status.ShouldBe(BookingStatus.Confirmed);
        (await db.Set<TicketType>().AsNoTracking().SingleAsync(t => t.Id == _ids.TicketType, Ct)).Name.ShouldBe("Owen's ticket");
        (await db.Set<RegistrationQuestion>().AsNoTracking().SingleAsync(q => q.Id == _ids.Question, Ct)).Hidden.ShouldBeFalse();
        (await db.Set<DoorLink>().AsNoTracking().SingleAsync(d => d.Id == _ids.DoorLink, Ct)).RevokedUtc.ShouldBeNull();
        (await db.Set<CheckInRecord>().CountAsync(Ct)).ShouldBe(1);
        (await db.Rooms.CountAsync(Ct)).ShouldBe(1);
        (await db.Sessions.CountAsync(Ct)).ShouldBe(1);
        (await db.Set<BulkEmail>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<ListAnnouncement>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<RetentionSetting>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<ReminderSettings>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<Announcement>().AsNoTracking().SingleAsync(Ct)).Id.ShouldBe(_ids.Announcement, "no announcement was posted or taken down");
    }

    /// <summary>Owen's event in Owen's series, with a room, a session, a ticket type, a question, a checked-in booking, a door link and its mail.</summary>
    private async Task<Ids> ArrangeAsync()
    {
        await Teams.StoreAsync(_core.Database, Owner);
        await Teams.StoreAsync(_core.Database, Stranger);
        var series = await _core.Get<SeriesService>().CreateAsync(Owner, new SeriesInput { Name = "Owen's series", Slug = "owens-series" }, Ct);
        series.Succeeded.ShouldBeTrue(series.Message);
        var now = _core.Clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Owen's forum", Slug = "owens-forum", SeriesId = series.Value!.Id, Status = EventStatus.Published, Capacity = 20,
            StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(6), BookingOpensUtc = now.AddDays(-1), CreatedUtc = now, UpdatedUtc = now,
        };
        var room = new Room { Name = "Owen's room" };
        ev.Rooms.Add(room);
        await using (var db = _core.Database.CreateDbContext())
        {
            db.Add(ev);
            await db.SaveChangesAsync(Ct);
            db.Add(new Session { EventId = ev.Id, RoomId = room.Id, Title = "Owen's session", StartUtc = ev.StartUtc.AddHours(1), EndUtc = ev.StartUtc.AddHours(2), Capacity = 10 });
            await db.SaveChangesAsync(Ct);
        }

        await Teams.JoinEventAsync(_core.Database, Owner, ev.Id, TeamRole.Owner);
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
        await using var read = _core.Database.CreateDbContext();
        var booking = await read.Set<Booking>().AsNoTracking().SingleAsync(Ct);
        var mail = await read.Set<OutboxMessage>().AsNoTracking().FirstAsync(m => m.EventId == ev.Id, Ct);
        return new Ids(ev.Id, series.Value.Id, booking.Id, ticket.Id, question.Id, room.Id,
            await read.Sessions.Select(s => s.Id).SingleAsync(Ct), link.Id, mail.Id, booking.CheckInCode!,
            await read.Set<TeamMember>().Where(m => m.EventId == ev.Id && m.OrganiserId == Owner.UserId).Select(m => m.Id).SingleAsync(Ct),
            news.Id,
            ["Zed Secretname", "zed.secret", "Secret Organisation", "Secret access need", "Secret diet", "Secret answer", booking.Reference,
                booked.Value.ManageToken, booking.CheckInCode!, link.Token, ticket.SecretToken!, "Owen's door", "Owen's ticket", "Owen's question"]);
    }

    private sealed record Ids(
        int Event, int Series, int Booking, int TicketType, int Question, int Room, int Session, int DoorLink, long Mail, string CheckInCode,
        int TeamMember, int Announcement, IReadOnlyList<string> Secrets);

    private sealed class CannotBuildException(string message) : Exception(message);
}
