using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EventHub.Core.Tests.Proceedings;

/// <summary>
/// A finished public event with one session in a room, on a real SQLite file, with a materials folder beside it;
/// <see cref="Actors.Organiser"/> is an editor on the event's team.
/// </summary>
internal sealed class ProceedingsFixture : IAsyncDisposable
{
    private ProceedingsFixture(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
        Store = new MaterialStore(Path.Combine(database.Folder, "materials"));
        Notes = new NotesService(database, clock);
        Materials = new MaterialService(database, clock, Store, database.Dialect);
        Proceedings = new ProceedingsService(database, clock);
        WriteUps = new WriteUpService(database, clock);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public MaterialStore Store { get; }

    public NotesService Notes { get; }

    public MaterialService Materials { get; }

    public ProceedingsService Proceedings { get; }

    public WriteUpService WriteUps { get; }

    public int EventId { get; private set; }

    public string Slug { get; } = "open-data-day-2026";

    public int SessionId { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public EditorKey Key => EditorKey.ForToken(Token, "Cat Convener");

    public static async Task<ProceedingsFixture> CreateAsync(EventStatus status = EventStatus.Completed)
    {
        // The clock is after the event, so it counts as past for the archive.
        var fixture = new ProceedingsFixture(await TestDatabase.CreateAsync(), Support.Clock.At(2026, 11, 20));
        await fixture.SeedAsync(status);
        return fixture;
    }

    private async Task SeedAsync(EventStatus status)
    {
        var start = new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = Database.CreateDbContext())
        {
            var series = new EventSeries { Name = "Open Data Day", Slug = "open-data-day" };
            var ev = new Event
            {
                Title = "Open Data Day 2026", Slug = Slug, Kind = EventKind.OpenSpace, Status = status, Series = series,
                Summary = "A day about open data.", StartUtc = start, EndUtc = start.AddHours(8), Capacity = 50,
            };
            var room = new Room { Name = "Library", Capacity = 20 };
            ev.Rooms.Add(room);
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            var session = new Session
            {
                EventId = ev.Id, RoomId = room.Id, Title = "Publishing bus timetables", Speakers = "Cat Convener",
                Description = "How councils publish GTFS", StartUtc = start.AddHours(1), EndUtc = start.AddHours(2),
            };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            EventId = ev.Id;
            SessionId = session.Id;
        }

        await Teams.JoinEventAsync(Database, Actors.Organiser, EventId, TeamRole.Editor);
        Token = (await Notes.CreateLinkAsync(Actors.Organiser, SessionId)).Value!;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

internal static class Files
{
    public static MemoryStream Pdf(int padding = 100) =>
        new([.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Repeat((byte)'x', padding), .. "\n%%EOF"u8.ToArray()]);

    public static MemoryStream Executable() =>
        new([.. "MZ"u8.ToArray(), 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. new byte[200]]);

    public static MemoryStream Png() =>
        new([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]]);

    public static MemoryStream Zip(params (string Name, string Content)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        ms.Position = 0;
        return ms;
    }

    public static MemoryStream Docx() => Zip(
        ("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
        ("word/document.xml", "<w:document/>"));

    public static MemoryStream Odp() => Zip(
        ("mimetype", "application/vnd.oasis.opendocument.presentation"),
        ("content.xml", "<office:document-content/>"));
}
