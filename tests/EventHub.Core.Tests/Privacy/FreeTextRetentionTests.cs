using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.Feedback;
using EventHub.Core.OpenSpace;
using EventHub.Core.Privacy;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Privacy;

/// <summary>
/// Addresses and phone numbers people typed into an event's free text (session notes, write-ups, proposals'
/// descriptions, feedback, booking answers) are found nowhere on disk once the event is past retention, or once the
/// person is erased; titles and the rest of the text stay.
/// </summary>
public sealed class FreeTextRetentionTests : IAsyncLifetime
{
    private const string Address = "petra.freetext-5c1@devon.gov.uk";
    private const string Mobile = "07700 900461";
    private const string Landline = "+44 (0)1392 382719";
    private const string Kept = "Zq-bring the bus map";
    private PrivacyKit _kit = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _kit = await PrivacyKit.CreateAsync();

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Theory]
    [InlineData("Call 07700 900461 today", "Call [removed] today")]
    [InlineData("Ring +44 (0)1392 382719.", "Ring [removed].")]
    [InlineData("Mail Ann.Lee+maps@Devon.gov.uk or ann@x.org", "Mail [removed] or [removed]")]
    [InlineData("On 2026-12-01 at 10:30, room 12, 150 people, ref 1234-5678", "On 2026-12-01 at 10:30, room 12, 150 people, ref 1234-5678")]
    [InlineData("01392 382719\n2027 plans", "[removed]\n2027 plans")]
    public void Addresses_and_phone_numbers_are_removed_and_dates_times_and_counts_stay(string typed, string kept) =>
        FreeTextScrub.RedactContacts(typed).ShouldBe(kept);

    [Fact]
    public async Task Past_retention_every_address_and_phone_number_typed_into_the_events_free_text_is_found_nowhere_on_disk()
    {
        await PlantAsync();
        if (_kit.Database.Dialect.Provider == DatabaseProvider.Sqlite)
        {
            // On PostgreSQL the rows live on the server; the column checks below hold on both engines.
            (await _kit.FilesHoldingAsync(Address, Mobile, Landline)).ShouldNotBeEmpty("the scan must see what was planted");
        }

        _kit.Services.Clock.Advance(TimeSpan.FromDays(2 + 366));
        (await _kit.Get<Anonymiser>().SweepAsync(Ct)).Anonymised.ShouldBe(1);

        (await _kit.FilesHoldingAsync(Address, Mobile, Landline)).ShouldBeEmpty();
        await using var db = _kit.Database.CreateDbContext();
        var notes = await db.Set<SessionNotes>().SingleAsync(n => n.SessionId == _kit.SessionId, Ct);
        notes.KeyPoints.ShouldBe($"{Kept}; ask [removed] or call [removed]");
        notes.Actions.ShouldBe("Landline [removed]");
        (await db.Set<WriteUp>().SingleAsync(w => w.EventId == _kit.EventId, Ct)).Text.ShouldBe($"{Kept}. Write to [removed].");
        var proposal = await db.Set<Proposal>().SingleAsync(p => p.EventId == _kit.EventId, Ct);
        (proposal.Title, proposal.Description).ShouldBe(("Zq bus data", $"{Kept} ([removed], [removed])"));
    }

    [Fact]
    public async Task Erasing_a_person_takes_their_address_out_of_every_events_free_text_and_leaves_the_rest()
    {
        await PlantAsync();

        (await _kit.Get<SubjectAccessService>().EraseAsync(Actors.Admin, Address.ToUpperInvariant(), "Request of 1 December", Ct)).Succeeded.ShouldBeTrue();

        (await _kit.FilesHoldingAsync(Address)).ShouldBeEmpty();
        await using var db = _kit.Database.CreateDbContext();
        (await db.Set<SessionNotes>().SingleAsync(n => n.SessionId == _kit.SessionId, Ct)).KeyPoints
            .ShouldBe($"{Kept}; ask [removed] or call {Mobile}", "within retention only their address goes");
        (await db.Set<Proposal>().SingleAsync(p => p.EventId == _kit.EventId, Ct)).Description.ShouldBe($"{Kept} ([removed], {Mobile})");
    }

    [Fact]
    public async Task Erasing_a_person_takes_the_phone_numbers_they_gave_out_of_everyones_free_text_however_they_were_written()
    {
        // Petra gave the landline in her booking answer (PlantAsync) and a mobile in the session she proposed.
        await PlantAsync();
        const string HerMobile = "07700 900999";
        string[] herNumbers = [Landline, "01392 382 719", "+441392382719", HerMobile, "07700900999", "+44 7700 900999"];
        await using (var db = _kit.Database.CreateDbContext())
        {
            var now = _kit.Services.Clock.GetUtcNow().UtcDateTime;
            db.Add(new Proposal
            {
                EventId = _kit.EventId, Title = "Zq walk-in", ConvenerName = "Petra", ConvenerEmail = Address, Description = $"{Kept}, text me on {HerMobile}",
                Status = ProposalStatus.Queued, CreatedUtc = now,
            });
            db.Add(new WriteUp { EventId = _kit.EventId, SessionId = _kit.SessionId, AuthorName = "Zq colleague", Text = "Ring 01392 382 719 or 07700900999", Status = WriteUpStatus.Approved, CreatedUtc = now });
            db.Add(new FeedbackResponse { EventId = _kit.EventId, Score = 5, WhatWorked = "Petra (+441392382719) ran it well", WhatToChange = $"Keep {Mobile}" });
            await db.SaveChangesAsync(Ct);
        }

        var colleague = await _kit.Get<BookingService>().BookAsync(new BookingRequest(_kit.EventId, new BookingForm
        {
            Name = "Zq Colleague", Email = "zq.colleague@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct);
        colleague.Succeeded.ShouldBeTrue(colleague.Message);
        await using (var db = _kit.Database.CreateDbContext())
        {
            var question = await db.Set<RegistrationQuestion>().SingleAsync(q => q.EventId == _kit.EventId, Ct);
            db.Add(new BookingAnswer { BookingId = colleague.Value!.BookingId, QuestionId = question.Id, Value = "Sit me with Petra, +44 7700 900999" });
            await db.SaveChangesAsync(Ct);
        }

        if (_kit.Database.Dialect.Provider == DatabaseProvider.Sqlite)
        {
            var planted = await _kit.FilesHoldingAsync(herNumbers);
            herNumbers.ShouldAllBe(n => planted.Any(hit => hit.EndsWith(": " + n, StringComparison.Ordinal)), "the scan must see what was planted");
        }

        (await _kit.Get<SubjectAccessService>().EraseAsync(Actors.Admin, Address, "Request of 1 December", Ct)).Succeeded.ShouldBeTrue();

        (await _kit.FilesHoldingAsync(herNumbers)).ShouldBeEmpty();
        await using var after = _kit.Database.CreateDbContext();
        var notes = await after.Set<SessionNotes>().SingleAsync(n => n.SessionId == _kit.SessionId, Ct);
        (notes.KeyPoints, notes.Actions).ShouldBe(($"{Kept}; ask [removed] or call {Mobile}", "Landline [removed]"), "someone else's number stays");
        (await after.Set<WriteUp>().SingleAsync(w => w.AuthorName == "Zq colleague", Ct)).Text.ShouldBe("Ring [removed] or [removed]");
        (await after.Set<Proposal>().Where(p => p.EventId == _kit.EventId).Select(p => p.Description).ToListAsync(Ct)).Order(StringComparer.Ordinal)
            .ShouldBe([$"{Kept} ([removed], {Mobile})", $"{Kept}, text me on [removed]"]);
        var feedback = await after.Set<FeedbackResponse>().Where(r => r.EventId == _kit.EventId).Select(r => r.WhatWorked + " | " + r.WhatToChange).ToListAsync(Ct);
        feedback.ShouldContain($"Petra ([removed]) ran it well | Keep {Mobile}");
        (await after.Set<BookingAnswer>().SingleAsync(a => a.BookingId == colleague.Value!.BookingId, Ct)).Value.ShouldBe("Sit me with Petra, [removed]");
    }

    /// <summary>The address and phone numbers typed into every kind of free text the event holds.</summary>
    private async Task PlantAsync()
    {
        await using var db = _kit.Database.CreateDbContext();
        var now = _kit.Services.Clock.GetUtcNow().UtcDateTime;
        db.Add(new SessionNotes { SessionId = _kit.SessionId, KeyPoints = $"{Kept}; ask {Address} or call {Mobile}", Actions = $"Landline {Landline}" });
        db.Add(new WriteUp { EventId = _kit.EventId, SessionId = _kit.SessionId, AuthorName = "Zq author", Text = $"{Kept}. Write to {Address}.", Status = WriteUpStatus.Approved, CreatedUtc = now });
        db.Add(new Proposal
        {
            EventId = _kit.EventId, Title = "Zq bus data", ConvenerName = "Zq convener", Description = $"{Kept} ({Address}, {Mobile})",
            Status = ProposalStatus.Queued, CreatedUtc = now,
        });
        db.Add(new FeedbackResponse { EventId = _kit.EventId, Score = 4, WhatWorked = $"Ring me on {Mobile}", WhatToChange = Address });
        var question = new RegistrationQuestion { EventId = _kit.EventId, Text = "Anything else?" };
        db.Add(question);
        await db.SaveChangesAsync(Ct);

        var booking = await _kit.Get<BookingService>().BookAsync(new BookingRequest(_kit.EventId, new BookingForm
        {
            Name = "Petra Freetext", Email = Address, Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct);
        booking.Succeeded.ShouldBeTrue(booking.Message);
        db.Add(new BookingAnswer { BookingId = booking.Value!.BookingId, QuestionId = question.Id, Value = $"Call {Landline}" });
        await db.SaveChangesAsync(Ct);
    }
}
