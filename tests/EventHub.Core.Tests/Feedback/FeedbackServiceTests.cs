using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Feedback;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Dashboards;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Feedback;

/// <summary>The feedback form through a booking's manage link, its anonymous results, the series column and retention.</summary>
public sealed class FeedbackServiceTests : IAsyncLifetime
{
    private DashboardKit _kit = default!;
    private int _seriesId;
    private int _eventId;

    private FeedbackService Feedback => _kit.Services.Get<FeedbackService>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _kit = await DashboardKit.CreateAsync();
        _seriesId = await _kit.SeriesAsync();
        // Started yesterday: feedback is open.
        _eventId = await _kit.EventAsync(20, _kit.Now.AddDays(-30), _kit.Now.AddDays(-1), _seriesId);
    }

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task A_person_with_a_place_answers_once_and_the_organisers_see_anonymous_figures_and_text()
    {
        var ann = await TokenAsync("ann@devon.gov.uk", BookingStatus.Confirmed, checkedIn: true);
        var bob = await TokenAsync("bob@devon.gov.uk", BookingStatus.Confirmed);
        var cat = await TokenAsync("cat@devon.gov.uk", BookingStatus.Confirmed, checkedIn: true);

        (await Feedback.GetFormAsync(ann, Ct))!.CannotAnswer.ShouldBeNull();
        (await Feedback.GiveAsync(ann, new FeedbackInput(5, "  The crisis comms talk ", "More breaks"), Ct)).Succeeded.ShouldBeTrue();
        (await Feedback.GiveAsync(bob, new FeedbackInput(3, "", null), Ct)).Succeeded.ShouldBeTrue();
        (await Feedback.GiveAsync(cat, new FeedbackInput(5, null, "A bigger room"), Ct)).Succeeded.ShouldBeTrue();

        var again = await Feedback.GiveAsync(ann, new FeedbackInput(1, "Changed my mind", null), Ct);
        again.ErrorCode.ShouldBe(FeedbackErrors.AlreadyGiven.Code);
        again.Message.ShouldBe(FeedbackErrors.AlreadyGiven.Message);
        (await Feedback.GetFormAsync(ann, Ct))!.CannotAnswer.ShouldBe(FeedbackErrors.AlreadyGiven);

        var results = (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!;
        results.Answers.ShouldBe(3);
        results.ScoreCounts.ShouldBe([0, 0, 1, 0, 2]);
        results.AverageScore.ShouldBe(4.3);
        results.Comments.Select(c => (c.Score, c.WhatWorked, c.WhatToChange)).ShouldBe([(5, "The crisis comms talk", "More breaks"), (5, "", "A bigger room")]);
        results.Responses.Count.ShouldBe(3);
        typeof(FeedbackResponse).GetProperties().Select(p => p.Name).ShouldNotContain(n => n.Contains("Booking", StringComparison.Ordinal) || n.Contains("Email", StringComparison.Ordinal),
            "an answer must not say who gave it");
    }

    [Fact]
    public async Task A_score_is_required_and_the_texts_have_a_limit()
    {
        var ann = await TokenAsync("ann@devon.gov.uk", BookingStatus.Confirmed);

        var outcome = await Feedback.GiveAsync(ann, new FeedbackInput(null, new string('x', FeedbackRules.MaxTextLength + 1), null), Ct);

        outcome.ErrorFor(nameof(FeedbackInput.Score)).ShouldBe("Select how good the event was overall, from 1 to 5");
        outcome.ErrorFor(nameof(FeedbackInput.WhatWorked)).ShouldNotBeNull();
        (await Feedback.GiveAsync(ann, new FeedbackInput(6, null, null), Ct)).ErrorFor(nameof(FeedbackInput.Score)).ShouldNotBeNull();
        (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!.Answers.ShouldBe(0);
    }

    [Fact]
    public async Task Only_a_confirmed_place_at_an_event_that_has_started_may_answer()
    {
        var waiting = await TokenAsync("wes@devon.gov.uk", BookingStatus.Waiting);
        var future = await _kit.EventAsync(20, _kit.Now.AddDays(-3), _kit.Now.AddDays(5), _seriesId);
        var early = await TokenAsync("ann@devon.gov.uk", BookingStatus.Confirmed, future);

        (await Feedback.GiveAsync(waiting, new FeedbackInput(4, null, null), Ct)).ErrorCode.ShouldBe(FeedbackErrors.NoPlace.Code);
        (await Feedback.GiveAsync(early, new FeedbackInput(4, null, null), Ct)).ErrorCode.ShouldBe(FeedbackErrors.NotYet.Code);
        (await Feedback.GiveAsync("no-such-token", new FeedbackInput(4, null, null), Ct)).ErrorCode.ShouldBe(FeedbackErrors.LinkNotValid.Code);
        (await Feedback.GetFormAsync("no-such-token", Ct)).ShouldBeNull();
        (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!.Answers.ShouldBe(0);
    }

    [Fact]
    public async Task Strangers_cannot_read_the_results()
    {
        var stranger = await Feedback.ResultsAsync(Actors.Stranger, _eventId, Ct);
        stranger.IsNotFound.ShouldBeTrue();
        (await Feedback.ResultsAsync(Actor.Anonymous, _eventId, Ct)).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task The_series_figures_show_the_average_score_and_retention_clears_the_text_but_keeps_the_score()
    {
        (await Feedback.GiveAsync(await TokenAsync("ann@devon.gov.uk", BookingStatus.Confirmed), new FeedbackInput(4, "Good talks", "Less slides"), Ct)).Succeeded.ShouldBeTrue();
        (await Feedback.GiveAsync(await TokenAsync("bob@devon.gov.uk", BookingStatus.Confirmed), new FeedbackInput(5, null, null), Ct)).Succeeded.ShouldBeTrue();

        var edition = (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, Ct)).Value!.Editions.Single(e => e.EventId == _eventId);
        (edition.FeedbackScore, edition.FeedbackAnswers).ShouldBe((4.5, 2));

        _kit.Services.Clock.Advance(TimeSpan.FromDays(3 * 365));
        (await _kit.Services.Get<Anonymiser>().SweepAsync(Ct)).Anonymised.ShouldBeGreaterThan(0);

        var results = (await Feedback.ResultsAsync(Actors.Organiser, _eventId, Ct)).Value!;
        results.ScoreCounts.ShouldBe([0, 0, 0, 1, 1]);
        results.Comments.ShouldBeEmpty();
        var after = (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, Ct)).Value!.Editions.Single(e => e.EventId == _eventId);
        (after.FeedbackScore, after.FeedbackAnswers).ShouldBe((4.5, 2));
    }

    private async Task<string> TokenAsync(string email, BookingStatus status, bool checkedIn = false) =>
        await TokenAsync(email, status, _eventId, checkedIn);

    private async Task<string> TokenAsync(string email, BookingStatus status, int eventId, bool checkedIn = false)
    {
        var id = await _kit.BookAsync(eventId, email, status, _kit.Now.AddDays(-10), checkedIn);
        await using var db = _kit.Database.CreateDbContext();
        var token = ManageLinks.Mint(db, id, "test", _kit.Now);
        await db.SaveChangesAsync(Ct);
        return token;
    }
}
