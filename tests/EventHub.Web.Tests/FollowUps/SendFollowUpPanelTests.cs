using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.FollowUps;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Proceedings;
using EventHub.Web.Tests.OpenSpace;

namespace EventHub.Web.Tests.FollowUps;

/// <summary>The follow-up panel on the after-the-day page: who gets it, a preview, then sent once the proceedings are published.</summary>
public sealed class SendFollowUpPanelTests : BoardContext
{
    [Fact]
    public async Task The_organiser_previews_and_sends_the_follow_up_and_the_panel_then_says_it_has_gone()
    {
        await using (var db = Database.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            db.Add(new Booking
            {
                EventId = EventId, Reference = "REF1FOLLOW", CheckInCode = SecureTokens.New(), Name = "Ann Example",
                Email = "ann@devon.gov.uk", NormalisedEmail = "ann@devon.gov.uk", Status = BookingStatus.Confirmed, CreatedUtc = now, UpdatedUtc = now, ConsentUtc = now,
            });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=follow-up]").TextContent.ShouldContain("Everyone who was checked in (0 people)"), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=follow-up-unpublished]").TextContent.ShouldContain("not published yet");

        page.Find("[data-testid=check-follow-up]").Click();
        page.Find("[data-testid=follow-up-nobody]").TextContent.ShouldBe("Nobody would get it.");
        page.Find("[data-testid=follow-up-confirmed]").Change("Confirmed");
        page.Find("[data-testid=check-follow-up]").Click();
        page.Find("[data-testid=follow-up-count]").TextContent.ShouldBe("1 person");
        page.Find("[data-testid=follow-up-preview]").TextContent.ShouldContain("Give your feedback");
        page.Find("[data-testid=follow-up-publish-first]").TextContent.ShouldBe(FollowUpErrors.ProceedingsNotPublished.Message);
        page.FindAll("[data-testid=send-follow-up]").ShouldBeEmpty();

        page.Find("[data-testid=publish-proceedings]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=follow-up-unpublished]").ShouldBeEmpty(), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=send-follow-up]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=follow-up-message]").TextContent.ShouldContain("The follow-up is queued for 1 person"), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=follow-up-sent]").TextContent.ShouldContain("everyone confirmed");
        page.FindAll("[data-testid=send-follow-up]").ShouldBeEmpty();
        var again = await Services.GetService<FollowUpService>()!.SendAsync(Actors.Organiser, EventId, BulkAudience.Confirmed);
        again.ErrorCode.ShouldBe(FollowUpErrors.FollowUpSent.Code);
    }

    [Fact]
    public async Task On_a_hybrid_event_the_panel_offers_everyone_who_came_counting_online_places()
    {
        await using (var db = Database.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            var online = new TicketType { EventId = EventId, Name = "Join online", Quota = 10, Attendance = Attendance.Online, PlacesTaken = 1 };
            db.Add(online);
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
            db.Add(new Booking
            {
                EventId = EventId, Reference = "REF2FOLLOW", CheckInCode = SecureTokens.New(), Name = "Olu Online", TicketTypeId = online.Id,
                Email = "olu@devon.gov.uk", NormalisedEmail = "olu@devon.gov.uk", Status = BookingStatus.Confirmed, CreatedUtc = now, UpdatedUtc = now, ConsentUtc = now,
            });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));

        page.WaitForAssertion(() => page.Find("[data-testid=follow-up]").TextContent
            .ShouldContain("Everyone who came: checked in at the door, or with an online place (1 person)"));
        page.Find("[data-testid=check-follow-up]").Click();
        page.Find("[data-testid=follow-up-count]").TextContent.ShouldBe("1 person");
    }

    [Fact]
    public async Task While_it_sends_the_panel_shows_the_progress_bar_and_count_then_the_final_message()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using (var db = Database.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            foreach (var name in new[] { "Ann", "Ben" })
            {
                var email = name.ToLowerInvariant() + "@devon.gov.uk";
                db.Add(new Booking
                {
                    EventId = EventId, Reference = "REF" + name.ToUpperInvariant() + "PROG", CheckInCode = SecureTokens.New(), Name = name + " Example",
                    Email = email, NormalisedEmail = email, Status = BookingStatus.Confirmed, CreatedUtc = now, UpdatedUtc = now, ConsentUtc = now,
                });
            }

            await db.SaveChangesAsync(ct);
        }

        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=publish-proceedings]"), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=publish-proceedings]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=follow-up-unpublished]").ShouldBeEmpty(), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=follow-up-confirmed]").Change("Confirmed");
        page.Find("[data-testid=check-follow-up]").Click();

        // Another transaction holds the event's follow-up slot (a write lock on SQLite, the unique key on PostgreSQL),
        // so the send waits at its first write until the test lets it go: the panel is caught mid-send, with no timing.
        await using var holder = Database.CreateDbContext();
        await using var hold = await holder.Database.BeginTransactionAsync(ct);
        holder.Add(new BulkEmail
        {
            EventId = EventId, Kind = BulkEmailKind.FollowUp, Audience = BulkAudience.Confirmed, Subject = "Held", BodyMarkdown = "Held",
            SentById = "holder", SentByName = "Holder", CreatedUtc = DateTime.UtcNow,
        });
        await holder.SaveChangesAsync(ct);

        page.Find("[data-testid=send-follow-up]").Click();

        page.WaitForAssertion(() => page.Find("#follow-up-progress-label").TextContent.ShouldBe("0 of 2 copies queued"));
        var bar = page.Find("[data-testid=follow-up-progress]");
        bar.GetAttribute("aria-labelledby").ShouldBe("follow-up-progress-label");
        page.FindAll("[data-testid=follow-up-message]").ShouldBeEmpty();
        page.FindAll("[data-testid=send-follow-up]").ShouldBeEmpty();

        await hold.RollbackAsync(ct);

        page.WaitForAssertion(() => page.Find("[data-testid=follow-up-message]").TextContent.ShouldBe(
            "The follow-up is queued for 2 people. It goes out over the next few minutes."), TimeSpan.FromSeconds(30));
        page.FindAll("[data-testid=follow-up-progress]").ShouldBeEmpty();
        page.FindAll("#follow-up-progress-label").ShouldBeEmpty();
        page.Find("[data-testid=follow-up-sent]").TextContent.ShouldContain("2 queued");
    }
}
