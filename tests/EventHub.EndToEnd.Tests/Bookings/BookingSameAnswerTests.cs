using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.EndToEnd.Tests.Bookings;

/// <summary>The booking form, posted as a script would, never tells whether an address already has a booking.</summary>
public sealed partial class BookingSameAnswerTests(SharedApp shared)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AppHost App { get; } = shared.Host;

    [Fact]
    public async Task Booking_with_an_address_that_has_a_booking_gets_the_same_page_as_a_new_booking_and_the_owner_gets_the_mail()
    {
        var (eventId, slug) = await PublishedEventAsync();

        var first = await ConfirmAsync(slug, "new.person@devon.gov.uk", "New Person");
        var again = await ConfirmAsync(slug, "NEW.person@devon.gov.uk", "Pretender");
        var other = await ConfirmAsync(slug, "other.person@devon.gov.uk", "Other Person");

        first.Status.ShouldBe(HttpStatusCode.OK);
        again.Status.ShouldBe(first.Status);
        first.Answer.ShouldContain("<h1>Check your email</h1>");
        // Word for word the same, but for the address each visitor typed.
        again.Answer.Replace("NEW.person", "new.person", StringComparison.Ordinal).ShouldBe(first.Answer);
        other.Answer.Replace("other.person", "new.person", StringComparison.Ordinal).ShouldBe(first.Answer);

        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        (await db.Set<Booking>().CountAsync(b => b.EventId == eventId, Ct)).ShouldBe(2);
        var mail = await db.Set<OutboxMessage>().Where(m => m.EventId == eventId && m.ToEmail == "new.person@devon.gov.uk").Select(m => m.Template).ToListAsync(Ct);
        mail.ShouldBe([BookingTemplates.BookingConfirmed, BookingTemplates.BookingLinkResent], ignoreOrder: true);
    }

    /// <summary>Reads the form (for its antiforgery token), then posts "confirm" with the details; answers the page's main content.</summary>
    private async Task<(HttpStatusCode Status, string Answer)> ConfirmAsync(string slug, string email, string name)
    {
        using var client = App.CreateHttpClient(followRedirects: false);
        var form = await client.GetAsync($"/events/{slug}/book", Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        var cookie = form.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/events/{slug}/book")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = BookingFormPostName, ["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value,
                ["Action"] = "confirm", ["Name"] = name, ["Email"] = email, ["Organisation"] = "Devon County Council", ["PrivacyConsent"] = "true",
            }),
        };
        post.Headers.Add("Cookie", cookie);
        var answer = await client.SendAsync(post, Ct);
        var page = await answer.Content.ReadAsStringAsync(Ct);
        return (answer.StatusCode, PageContent().Match(page).Value);
    }

    private const string BookingFormPostName = "booking";

    private async Task<(int Id, string Slug)> PublishedEventAsync()
    {
        var events = App.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Same answer clinic " + Guid.NewGuid().ToString("N")[..6], Capacity = 20, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(16),
        });
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        return (created.Value.Id, created.Value.Slug);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    // The page's own content, without the hidden fields' antiforgery token (new on every render).
    [GeneratedRegex("<h1>.*?(?=<form)", RegexOptions.Singleline)]
    private static partial Regex PageContent();
}
