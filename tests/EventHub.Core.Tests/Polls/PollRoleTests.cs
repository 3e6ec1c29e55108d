using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Polls;

/// <summary>A poll belongs to its event, else its series, else its creator: their team decides who reads and finalises it.</summary>
public sealed class PollRoleTests : IAsyncLifetime
{
    private static readonly Actor SeriesEditor = Actor.Organiser("editor-1", "Ed Editor");
    private static readonly Actor SeriesViewer = Actor.Organiser("viewer-1", "Vic Viewer");
    private static readonly Actor SeriesDoor = Actor.Organiser("door-1", "Dee Door");
    private static readonly Actor Stranger = Actor.Organiser("stranger-1", "Sam Stranger");

    private PollTestKit _kit = default!;
    private int _seriesId;

    public async ValueTask InitializeAsync()
    {
        _kit = await PollTestKit.CreateAsync();
        _seriesId = (await new SeriesService(_kit.Database, _kit.Clock).CreateAsync(Actors.Organiser, new SeriesInput { Name = "Exeter Tech" })).Value!.Id;
        await Teams.JoinSeriesAsync(_kit.Database, SeriesEditor, _seriesId, TeamRole.Editor);
        await Teams.JoinSeriesAsync(_kit.Database, SeriesViewer, _seriesId, TeamRole.Viewer);
        await Teams.JoinSeriesAsync(_kit.Database, SeriesDoor, _seriesId, TeamRole.Door);
        await Teams.StoreAsync(_kit.Database, Stranger);
    }

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task A_series_poll_is_listed_and_opened_by_the_series_team_that_reads_attendees_and_by_no_one_else()
    {
        var poll = await _kit.CreatePollAsync(PollTestKit.ThreeEvenings(seriesId: _seriesId));

        (await _kit.Setup.ListAsync(SeriesEditor)).Select(r => r.Id).ShouldBe([poll.Id]);
        (await _kit.Setup.ListAsync(SeriesViewer)).Select(r => r.Id).ShouldBe([poll.Id]);
        (await _kit.Setup.GetAsync(SeriesViewer, poll.Id)).ShouldNotBeNull();

        (await _kit.Setup.ListAsync(SeriesDoor)).ShouldBeEmpty();
        (await _kit.Setup.GetAsync(SeriesDoor, poll.Id)).ShouldBeNull();
        (await _kit.Setup.ListAsync(Stranger)).ShouldBeEmpty();
        (await _kit.Setup.GetAsync(Stranger, poll.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task A_poll_in_no_series_is_its_creators_alone()
    {
        var poll = await _kit.CreatePollAsync();

        (await _kit.Setup.ListAsync(Actors.Organiser)).Select(r => r.Id).ShouldBe([poll.Id]);
        (await _kit.Setup.ListAsync(SeriesEditor)).ShouldBeEmpty();
        (await _kit.Setup.GetAsync(SeriesEditor, poll.Id)).ShouldBeNull();
        (await _kit.Setup.ListAsync(Actors.Admin)).Select(r => r.Id).ShouldBe([poll.Id]);
    }

    [Fact]
    public async Task A_series_editor_finalises_a_series_poll_but_a_viewer_is_told_their_role_does_not_allow_it_and_a_stranger_that_it_does_not_exist()
    {
        var poll = await _kit.CreatePollAsync(PollTestKit.ThreeEvenings(seriesId: _seriesId));
        var option = poll.Options[0].Id;

        var byStranger = await _kit.Finalising.FinaliseAsync(Stranger, new FinaliseRequest(poll.Id, option));
        var byViewer = await _kit.Finalising.FinaliseAsync(SeriesViewer, new FinaliseRequest(poll.Id, option));

        byStranger.IsNotFound.ShouldBeTrue();
        byStranger.Message.ShouldBe(PollErrors.NotFound.Message);
        byViewer.IsForbidden.ShouldBeTrue();
        byViewer.Message.ShouldBe(EventErrors.RoleDoesNotAllow.Message);
        var byEditor = await _kit.Finalising.FinaliseAsync(SeriesEditor, new FinaliseRequest(poll.Id, option));
        byEditor.Succeeded.ShouldBeTrue();
        (await _kit.Setup.GetAsync(SeriesEditor, poll.Id))!.EventId.ShouldBe(byEditor.Value!.EventId);
    }

    [Fact]
    public async Task Only_someone_who_may_edit_a_series_can_put_a_poll_in_it()
    {
        var outcome = await _kit.Setup.CreateAsync(SeriesViewer, PollTestKit.ThreeEvenings(seriesId: _seriesId));

        outcome.ErrorFor(nameof(PollInput.SeriesId)).ShouldBe(PollErrors.SeriesNotYours.Message);
        (await _kit.Setup.CreateAsync(SeriesEditor, PollTestKit.ThreeEvenings(seriesId: _seriesId))).Succeeded.ShouldBeTrue();
    }
}
