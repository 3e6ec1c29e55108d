using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.FollowUps;
using EventHub.Core.Events;
using EventHub.Web.Features.FollowUps;
using EventHub.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.FollowUps;

public sealed class BulkEmailPageTests : WebTestContext
{
    private int _eventId;

    protected override async Task OnInitializedAsync()
    {
        Services.AddSingleton(new BulkEmailService(Core.Database, Core.Clock, Core.Database.Leases(Core.Clock)));
        var now = Core.Clock.GetUtcNow().UtcDateTime;
        await using var db = Core.Database.CreateDbContext();
        var ev = new Event
        {
            Title = "Digital Forum", Slug = "digital-forum", Status = EventStatus.Published, Capacity = 2, VenueName = "County Hall",
            StartUtc = now.AddDays(10), EndUtc = now.AddDays(10).AddHours(6), BookingOpensUtc = now.AddDays(-1), BookingClosesUtc = now.AddDays(9),
            CreatedUtc = now, UpdatedUtc = now,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        _eventId = ev.Id;
        using var gate = new BookingWriteGate();
        var bookings = new BookingService(Core.Database, Core.Clock, gate);
        foreach (var name in new[] { "Ann", "Bob", "Cat" })
        {
            var form = new BookingForm { Name = name, Email = name.ToLowerInvariant() + "@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true };
            var booked = await bookings.BookAsync(new BookingRequest(_eventId, form));
            booked.Succeeded.ShouldBeTrue(string.Join("; ", booked.Errors.Select(e => e.Message)));
        }
    }

    [Fact]
    public async Task Checking_shows_the_recipients_and_safe_preview_and_sending_queues_one_copy_each()
    {
        SignInAsAnAdministrator();
        var page = Render<BulkEmailPage>(p => p.Add(x => x.Id, _eventId));
        page.WaitForAssertion(() => page.Find("[data-testid=check-email]"));

        page.Find("#Subject").Change("Parking");
        page.Find("#Body").Change("Use the **north** car park.\n\n<script>alert(1)</script>");
        page.Find("[data-testid=check-email]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=recipient-count]").TextContent.ShouldContain("2 people"));
        page.Find("[data-testid=preview]").InnerHtml.ShouldContain("<strong>north</strong>");
        page.Find("[data-testid=preview]").QuerySelector("script").ShouldBeNull();
        await using (var db = Core.Database.CreateDbContext())
        {
            (await db.Set<OutboxMessage>().CountAsync(m => m.Template == FollowUpTemplates.BulkMessage)).ShouldBe(0, "nothing is sent before the organiser confirms");
        }

        page.Find("[data-testid=send-email]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=sent-message]").TextContent.ShouldContain("2 people"), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=sent-list]").TextContent.ShouldContain("Parking");
        await using var check = Core.Database.CreateDbContext();
        (await check.Set<OutboxMessage>().Where(m => m.Template == FollowUpTemplates.BulkMessage).Select(m => m.ToEmail).OrderBy(e => e).ToListAsync())
            .ShouldBe(["ann@devon.gov.uk", "bob@devon.gov.uk"]);
    }

    [Fact]
    public void An_empty_message_shows_the_error_summary_and_keeps_what_was_typed()
    {
        SignInAsAnAdministrator();
        var page = Render<BulkEmailPage>(p => p.Add(x => x.Id, _eventId));
        page.WaitForAssertion(() => page.Find("[data-testid=check-email]"));

        page.Find("#Subject").Change("Parking");
        page.Find("[data-testid=check-email]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Enter the message"));
        page.Find("#Subject").GetAttribute("value").ShouldBe("Parking");
    }
}
