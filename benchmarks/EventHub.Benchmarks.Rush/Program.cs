// The booking rush, driven over HTTP against a running app (benchmarks/rush.sh starts it and runs this).
//   seed <data folder> <capacity>          adds a published event with that many places; prints its slug
//   rush <base url> <slug> <visitors> <s>  visitors arrive evenly over s seconds; each GETs the event page and the
//                                          booking form, POSTs details and POSTs confirm (antiforgery included)
//   check <data folder> <slug> <capacity>  counts confirmed and waiting bookings and checks the waiting list's order
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

const string BookingAction = "Action"; // BookingFormPost.Action: which step the form asks for.
var mode = args.ElementAtOrDefault(0);
return mode switch
{
    "seed" => await SeedAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)),
    "rush" => await RushAsync(new Uri(args[1]), args[2], int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture)),
    "check" => await CheckAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: seed <data folder> <capacity> | rush <base url> <slug> <visitors> <seconds> | check <data folder> <slug> <capacity>");
    return 2;
}

static ServiceProvider Services(string dataFolder)
{
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddSingleton(TimeProvider.System);
    services.AddEventHubData(DataServiceCollectionExtensions.DefaultConnectionString(dataFolder));
    services.AddEvents();
    return services.BuildServiceProvider();
}

static async Task<int> SeedAsync(string dataFolder, int capacity)
{
    await using var sp = Services(dataFolder);
    await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    var events = sp.GetRequiredService<EventService>();
    var day = DateTime.UtcNow.Date.AddDays(30);
    var created = await events.CreateAsync(Actor.System, new EventInput
    {
        Title = "Rush forum " + Guid.NewGuid().ToString("N")[..6], Capacity = capacity, VenueName = "County Hall",
        StartLocal = day.AddHours(10), EndLocal = day.AddHours(16),
    });
    if (!created.Succeeded || !(await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published)).Succeeded)
    {
        Console.Error.WriteLine("could not create the rush event");
        return 1;
    }

    Console.WriteLine(created.Value.Slug);
    return 0;
}

static async Task<int> RushAsync(Uri baseUrl, string slug, int visitors, int seconds)
{
    var journeys = new List<Task<(bool Ok, double Ms, string Outcome, bool Marker, double[] Steps)>>(visitors);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < visitors; i++)
    {
        var due = TimeSpan.FromSeconds(seconds * (double)i / visitors);
        if (due > clock.Elapsed)
        {
            await Task.Delay(due - clock.Elapsed);
        }

        var visitor = i;
        journeys.Add(Task.Run(() => JourneyAsync(baseUrl, slug, visitor)));
    }

    var results = await Task.WhenAll(journeys);
    var times = results.Where(r => r.Ok).Select(r => r.Ms).Order().ToList();
    double P(double q) => times.Count == 0 ? double.NaN : times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    Console.WriteLine(FormattableString.Invariant($"visitors           {visitors} over {seconds} s (all done after {clock.Elapsed.TotalSeconds:F1} s)"));
    Console.WriteLine(FormattableString.Invariant($"journeys completed {times.Count}, failed {results.Count(r => !r.Ok)}"));
    foreach (var group in results.GroupBy(r => r.Outcome).OrderBy(g => g.Key))
    {
        Console.WriteLine(FormattableString.Invariant($"  {group.Key,-24} {group.Count()}"));
    }

    Console.WriteLine(FormattableString.Invariant($"journey p50/p95/p99 {P(0.50):F0} / {P(0.95):F0} / {P(0.99):F0} ms (GET event, GET book, POST details, POST confirm)"));
    // Where the journey's time goes: each step's own latency, as the visitor saw it.
    string[] steps = ["GET event", "GET book", "POST details", "POST confirm"];
    for (var s = 0; s < steps.Length; s++)
    {
        var step = results.Where(r => r.Ok).Select(r => r.Steps[s]).Order().ToList();
        double Q(double q) => step.Count == 0 ? double.NaN : step[Math.Min(step.Count - 1, (int)Math.Ceiling(q * step.Count) - 1)];
        Console.WriteLine(FormattableString.Invariant($"  {steps[s],-16} p50/p95/p99 {Q(0.50):F0} / {Q(0.95):F0} / {Q(0.99):F0} ms"));
    }

    Console.WriteLine(FormattableString.Invariant($"circuit markers    {results.Count(r => r.Marker)} pages asked for a circuit; no request went to /_blazor"));
    return results.All(r => r.Ok) ? 0 : 1;
}

static async Task<(bool Ok, double Ms, string Outcome, bool Marker, double[] Steps)> JourneyAsync(Uri baseUrl, string slug, int n)
{
    var steps = new double[4];
    var lap = Stopwatch.StartNew();
    double Lap()
    {
        var ms = lap.Elapsed.TotalMilliseconds;
        lap.Restart();
        return ms;
    }

    using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = true };
    using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    var marker = false;
    var watch = Stopwatch.StartNew();
    try
    {
        var eventPage = await client.GetStringAsync($"/events/{slug}");
        steps[0] = Lap();
        var book = await client.GetStringAsync($"/events/{slug}/book");
        steps[1] = Lap();
        marker = HasMarker(eventPage) || HasMarker(book);
        var fields = FormFields(book);
        fields["Name"] = $"Rush Visitor {n}";
        fields["Email"] = $"rush.{n}@example.gov.uk";
        fields["Organisation"] = "Benchmark Council";
        fields["PrivacyConsent"] = "true";
        fields[BookingAction] = "check";
        var check = await PostAsync(client, $"/events/{slug}/book", fields);
        steps[2] = Lap();
        var confirm = FormFields(check);
        confirm[BookingAction] = "confirm";
        var done = await PostAsync(client, $"/events/{slug}/book", confirm);
        steps[3] = Lap();
        var heading = Regex.Match(done, "<h1[^>]*>([^<]*)</h1>").Groups[1].Value.Trim();
        // The page answers the same whether the visitor got a place, a waiting-list spot or already had a booking (no
        // enumeration); which it was is counted from the database by "check".
        var ok = heading == "Check your email";
        return (ok, watch.Elapsed.TotalMilliseconds, heading.Length == 0 ? "(no heading)" : heading, marker, steps);
    }
    catch (Exception ex)
    {
        return (false, watch.Elapsed.TotalMilliseconds, ex.GetType().Name, marker, steps);
    }
}

static bool HasMarker(string html) => Regex.IsMatch(html, "<!--Blazor:\\{[^}]*\"type\":\"server\"");

static async Task<string> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
{
    using var content = new FormUrlEncodedContent(fields);
    using var response = await client.PostAsync(path, content);
    response.EnsureSuccessStatusCode();
    return await response.Content.ReadAsStringAsync();
}

// The inputs of the booking form: hidden fields (antiforgery, the form's name, what was typed) and text fields.
static Dictionary<string, string> FormFields(string html)
{
    var form = Regex.Match(html, "<form[^>]*data-testid=\"(booking-form|check-answers)\"[\\s\\S]*?</form>").Value;
    if (form.Length == 0)
    {
        form = html;
    }

    var fields = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (Match input in Regex.Matches(form, "<input[^>]*>"))
    {
        var name = Regex.Match(input.Value, "name=\"([^\"]*)\"").Groups[1].Value;
        var type = Regex.Match(input.Value, "type=\"([^\"]*)\"").Groups[1].Value;
        if (name.Length == 0 || type is "checkbox" or "radio" && !input.Value.Contains("checked", StringComparison.Ordinal))
        {
            continue;
        }

        fields[WebUtility.HtmlDecode(name)] = WebUtility.HtmlDecode(Regex.Match(input.Value, "value=\"([^\"]*)\"").Groups[1].Value);
    }

    return fields;
}

static async Task<int> CheckAsync(string dataFolder, string slug, int capacity)
{
    await using var sp = Services(dataFolder);
    await using var db = await sp.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync();
    var ev = await db.Events.AsNoTracking().FirstAsync(e => e.Slug == slug);
    var bookings = await db.Set<Booking>().AsNoTracking().Where(b => b.EventId == ev.Id)
        .Select(b => new { b.Status, b.WaitlistRank, b.CreatedUtc, b.Id }).ToListAsync();
    var confirmed = bookings.Count(b => b.Status == BookingStatus.Confirmed);
    var waiting = bookings.Where(b => b.Status == BookingStatus.Waiting).OrderBy(b => b.WaitlistRank).ThenBy(b => b.Id).ToList();
    var inOrder = waiting.Zip(waiting.Skip(1)).All(p => p.First.CreatedUtc <= p.Second.CreatedUtc);
    Console.WriteLine(FormattableString.Invariant($"confirmed          {confirmed} of {capacity} places (event counter {ev.PlacesTaken})"));
    Console.WriteLine(FormattableString.Invariant($"waiting list       {waiting.Count}, in the order they booked: {(inOrder ? "yes" : "NO")}"));
    return confirmed == capacity && ev.PlacesTaken == capacity && inOrder ? 0 : 1;
}
