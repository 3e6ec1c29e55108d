using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Organisers;
using EventHub.Core.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Tests.Access;

/// <summary>
/// The endpoints that serve an event's data over plain HTTP (the attendee and attendance CSVs, the mail preview),
/// asked by an organiser with no place on the event's teams, one whose role does not allow it, and the owner, on the
/// real app and a real SQLite file. Who is signed in comes from a header, read by a test sign-in scheme.
/// </summary>
public sealed class OrganiserEndpointsTests(OrganiserEndpointsTests.App app) : IClassFixture<OrganiserEndpointsTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Paths => ["/organiser/events/{event}/attendees.csv", "/organiser/events/{event}/attendees.csv?needs=true",
        "/organiser/events/{event}/attendance.csv", "/organiser/mail/{mail}"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_organiser_on_none_of_the_teams_is_told_it_does_not_exist_and_sees_nothing_of_it(string path)
    {
        var response = await app.GetAsync(App.Stranger, path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldNotContain("Zed Secretname");
        body.ShouldNotContain("zed.secret");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_owner_gets_it(string path)
    {
        var response = await app.GetAsync(App.Owner, path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(path.Contains("attendance", StringComparison.Ordinal) ? "Secret Organisation" : "Zed Secretname");
    }

    [Theory]
    [InlineData("/organiser/events/{event}/attendees.csv")]
    [InlineData("/organiser/events/{event}/attendance.csv")]
    public async Task A_door_volunteer_is_forbidden_the_exports(string path)
    {
        var response = await app.GetAsync(App.DoorVolunteer, path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("Zed Secretname");
    }

    [Fact]
    public async Task Someone_not_signed_in_gets_nothing()
    {
        var response = await app.GetAsync(null, "/organiser/events/{event}/attendees.csv", Ct);

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("Zed Secretname");
    }

    [Fact]
    public async Task The_series_figures_csv_is_not_found_by_a_stranger_nor_by_a_volunteer_on_one_event_only()
    {
        foreach (var actor in new[] { App.Stranger, App.DoorVolunteer })
        {
            var response = await app.GetAsync(actor, "/organiser/series/{series}/figures.csv", Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("Owen's series forum");
        }
    }

    [Fact]
    public async Task The_series_owner_gets_its_figures_as_csv_with_a_header_and_a_row_per_edition()
    {
        var response = await app.GetAsync(App.Owner, "/organiser/series/{series}/figures.csv", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldBe("Edition,Date,Capacity,Places taken,Confirmed in person,Confirmed online,Checked in,No-shows,Attendance rate,Sold out after (hours),Still waiting,Waiting-list peak,Repeat attendees,Feedback score,Feedback answers");
        // Raw numbers only: an empty cell where there is no figure yet, never words a spreadsheet cannot add up.
        lines[1].ShouldMatch(@"^Owen's series forum,\d{4}-\d{2}-\d{2},12,0,0,0,,,,,0,0,0,,0$");
    }

    /// <summary>
    /// The app in-process on its own data folder, with one event of Owen's, a checked-in booking and its delivered mail,
    /// and a draft Open Space event of Owen's with a session and a hidden uploaded file.
    /// </summary>
    public sealed class App : WebApplicationFactory<Program>, IAsyncLifetime
    {
        public static readonly EventHub.Core.Common.Actor Owner = EventHub.Core.Common.Actor.Organiser("owner-1", "Owen Owner");
        public static readonly EventHub.Core.Common.Actor Stranger = EventHub.Core.Common.Actor.Organiser("stranger-1", "Sam Stranger");
        public static readonly EventHub.Core.Common.Actor DoorVolunteer = EventHub.Core.Common.Actor.Organiser("door-1", "Dee Door");

        private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "eventhub-web-tests", Guid.NewGuid().ToString("N"));
        private int _eventId;
        private int _seriesId;
        private long _mailId;

        public int DraftEventId { get; private set; }

        public string DraftSlug { get; private set; } = string.Empty;

        public int DraftMaterialId { get; private set; }

        public int SeriesId => _seriesId;

        /// <summary>A client that does not follow redirects, signed in as <paramref name="actor"/> (nobody when null).</summary>
        public HttpClient ClientFor(EventHub.Core.Common.Actor? actor)
        {
            // No cookie container: the caller sends exactly the cookies it was given.
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            if (actor is not null)
            {
                client.DefaultRequestHeaders.Add(HeaderSignIn.Header, actor.UserId + "|" + actor.DisplayName);
            }

            return client;
        }

        /// <summary>The principal the test sign-in scheme makes for <paramref name="actor"/>, for minting antiforgery tokens bound to it.</summary>
        public static ClaimsPrincipal PrincipalFor(EventHub.Core.Common.Actor? actor) => actor is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : HeaderSignIn.Principal(actor.UserId!, actor.DisplayName);

        public async Task<HttpResponseMessage> GetAsync(EventHub.Core.Common.Actor? actor, string path, CancellationToken ct)
        {
            using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, path.Replace("{event}", _eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{mail}", _mailId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{series}", _seriesId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            if (actor is not null)
            {
                request.Headers.Add(HeaderSignIn.Header, actor.UserId + "|" + actor.DisplayName);
            }

            return await client.SendAsync(request, ct);
        }

        public async ValueTask InitializeAsync()
        {
            var factory = Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>();
            await Teams.StoreAsync(factory, Owner);
            await Teams.StoreAsync(factory, Stranger);
            var now = DateTime.UtcNow;
            var ev = new Event
            {
                Title = "Owen's forum", Slug = "owens-forum-" + Guid.NewGuid().ToString("N")[..6], Status = EventStatus.Published, Capacity = 20,
                StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(6), BookingOpensUtc = now.AddDays(-1), CreatedUtc = now, UpdatedUtc = now,
            };
            await using (var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
            {
                db.Add(ev);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            _eventId = ev.Id;
            await Teams.JoinEventAsync(factory, Owner, ev.Id, TeamRole.Owner, canSeeNeeds: true);
            await Teams.JoinEventAsync(factory, DoorVolunteer, ev.Id, TeamRole.Door);
            var form = new BookingForm
            {
                Name = "Zed Secretname", Email = "zed.secret@devon.gov.uk", Organisation = "Secret Organisation", PrivacyConsent = true,
                AccessNeeds = "Secret access need",
            };
            var booked = await Services.GetRequiredService<BookingService>().BookAsync(new BookingRequest(ev.Id, form), TestContext.Current.CancellationToken);
            booked.Succeeded.ShouldBeTrue(booked.Message);
            var delivery = Services.GetRequiredService<OutboxDelivery>();
            for (var i = 0; i < 20 && (await delivery.DeliverDueAsync(TestContext.Current.CancellationToken)).Claimed > 0; i++)
            {
            }

            // A series of Owen's with one future edition and no bookings, for the series figures.
            var series = new EventSeries { Name = "Owen's series", Slug = "owens-series-" + Guid.NewGuid().ToString("N")[..6], CreatedUtc = now };
            await using (var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
            {
                db.Add(series);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                db.Add(new Event
                {
                    Title = "Owen's series forum", Slug = "owens-series-forum-" + Guid.NewGuid().ToString("N")[..6], Status = EventStatus.Published, Capacity = 12,
                    StartUtc = now.AddDays(40), EndUtc = now.AddDays(40).AddHours(6), BookingOpensUtc = now.AddDays(-1), CreatedUtc = now, UpdatedUtc = now,
                    SeriesId = series.Id,
                });
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            _seriesId = series.Id;
            await Teams.JoinSeriesAsync(factory, Owner, series.Id, TeamRole.Owner);

            await SeedDraftAsync(factory, now);

            await using var read = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
            _mailId = await read.Set<OutboxMessage>().Where(m => m.EventId == ev.Id).Select(m => m.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        /// <summary>A draft Open Space event of Owen's with one session and one hidden file on disk.</summary>
        private async Task SeedDraftAsync(IDbContextFactory<EventHubDbContext> factory, DateTime now)
        {
            var ct = TestContext.Current.CancellationToken;
            var draft = new Event
            {
                Title = "Quentin's quiet draft", Slug = "quiet-draft-" + Guid.NewGuid().ToString("N")[..6], Status = EventStatus.Draft, Kind = EventKind.OpenSpace,
                Capacity = 10, StartUtc = now.AddDays(50), EndUtc = now.AddDays(50).AddHours(6), CreatedUtc = now, UpdatedUtc = now,
            };
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Add(draft);
            await db.SaveChangesAsync(ct);
            var session = new Session { EventId = draft.Id, Title = "Quiet session", StartUtc = draft.StartUtc, EndUtc = draft.StartUtc.AddHours(1) };
            db.Add(session);
            await db.SaveChangesAsync(ct);
            var storedName = EventHub.Core.Common.SecureTokens.New(16);
            var store = Services.GetRequiredService<EventHub.Core.Proceedings.MaterialStore>();
            Directory.CreateDirectory(store.Folder);
            await File.WriteAllTextAsync(store.PathFor(storedName), "Quentin's quiet slides", ct);
            var material = new EventHub.Core.Proceedings.Material
            {
                EventId = draft.Id, SessionId = session.Id, Kind = EventHub.Core.Proceedings.MaterialKind.File, Title = "Quiet slides", StoredName = storedName,
                OriginalName = "quiet.txt", ContentType = "text/plain", SizeBytes = 22, IsHidden = true, AddedBy = Owner.DisplayName, CreatedUtc = now,
            };
            db.Add(material);
            await db.SaveChangesAsync(ct);
            await Teams.JoinEventAsync(factory, Owner, draft.Id, TeamRole.Owner);
            DraftEventId = draft.Id;
            DraftSlug = draft.Slug;
            DraftMaterialId = material.Id;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_dataFolder);
            builder.UseEnvironment("Testing");
            builder.UseSetting("EventHub:DataFolder", _dataFolder);
            builder.UseSetting("ConnectionStrings:EventHub", $"Data Source={Path.Combine(_dataFolder, "eventhub.db")};Default Timeout=30");
            builder.ConfigureTestServices(services =>
            {
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderSignIn>(HeaderSignIn.SchemeName, _ => { });
                services.PostConfigure<AuthenticationOptions>(o =>
                {
                    o.DefaultScheme = HeaderSignIn.SchemeName;
                    o.DefaultAuthenticateScheme = HeaderSignIn.SchemeName;
                    o.DefaultChallengeScheme = HeaderSignIn.SchemeName;
                    o.DefaultForbidScheme = HeaderSignIn.SchemeName;
                });
            });
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Temp folder: left for the OS to clean.
            }
        }
    }

    /// <summary>Signs in the organiser named in a request header ("id|name"); nobody when it is missing.</summary>
    private sealed class HeaderSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";
        public const string Header = "X-Test-Organiser";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var value) || value.ToString().Split('|') is not [var id, var name])
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Principal(id, name), SchemeName)));
        }

        public static ClaimsPrincipal Principal(string id, string name) =>
            new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(OrganiserClaims.DisplayName, name)], SchemeName));
    }
}
