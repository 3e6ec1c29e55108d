using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Polls;

/// <summary>A poll belongs to its event, else its series, else its creator: their team decides who reads and finalises it.</summary>
public sealed class PollRoleTests : IAsyncLifetime
{
    private PollTestKit _kit = default!;
    private int _seriesId;

    public async ValueTask InitializeAsync()
    {
        _kit = await PollTestKit.CreateAsync();
        _seriesId = (await new SeriesService(_kit.Database, _kit.Clock).CreateAsync(Actors.Organiser, new SeriesInput { Name = "Exeter Tech" })).Value!.Id;
        await Teams.JoinSeriesAsync(_kit.Database, Actors.Editor, _seriesId, TeamRole.Editor);
        await Teams.JoinSeriesAsync(_kit.Database, Actors.Viewer, _seriesId, TeamRole.Viewer);
        await Teams.JoinSeriesAsync(_kit.Database, Actors.Door, _seriesId, TeamRole.Door);
        await Teams.StoreAsync(_kit.Database, Actors.Stranger);
    }

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task A_series_poll_is_listed_and_opened_by_the_series_team_that_reads_attendees_and_by_no_one_else()
    {
        var poll = await _kit.CreatePollAsync(PollTestKit.ThreeEvenings(seriesId: _seriesId));

        (await _kit.Setup.ListAsync(Actors.Editor)).Select(r => r.Id).ShouldBe([poll.Id]);
        (await _kit.Setup.ListAsync(Actors.Viewer)).Select(r => r.Id).ShouldBe([poll.Id]);
        (await _kit.Setup.GetAsync(Actors.Viewer, poll.Id)).ShouldNotBeNull();

        (await _kit.Setup.ListAsync(Actors.Door)).ShouldBeEmpty();
        (await _kit.Setup.GetAsync(Actors.Door, poll.Id)).ShouldBeNull();
        (await _kit.Setup.ListAsync(Actors.Stranger)).ShouldBeEmpty();
        (await _kit.Setup.GetAsync(Actors.Stranger, poll.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task A_poll_in_no_series_is_its_creators_alone()
    {
        var poll = await _kit.CreatePollAsync();

        (await _kit.Setup.ListAsync(Actors.Organiser)).Select(r => r.Id).ShouldBe([poll.Id]);
        (await _kit.Setup.ListAsync(Actors.Editor)).ShouldBeEmpty();
        (await _kit.Setup.GetAsync(Actors.Editor, poll.Id)).ShouldBeNull();
        (await _kit.Setup.ListAsync(Actors.Admin)).Select(r => r.Id).ShouldBe([poll.Id]);
    }

    [Fact]
    public async Task A_series_editor_finalises_a_series_poll_but_a_viewer_is_told_their_role_does_not_allow_it_and_a_stranger_that_it_does_not_exist()
    {
        var poll = await _kit.CreatePollAsync(PollTestKit.ThreeEvenings(seriesId: _seriesId));
        var option = poll.Options[0].Id;

        var byStranger = await _kit.Finalising.FinaliseAsync(Actors.Stranger, new FinaliseRequest(poll.Id, option));
        var byViewer = await _kit.Finalising.FinaliseAsync(Actors.Viewer, new FinaliseRequest(poll.Id, option));

        byStranger.IsNotFound.ShouldBeTrue();
        byStranger.Message.ShouldBe(PollErrors.NotFound.Message);
        byViewer.IsForbidden.ShouldBeTrue();
        byViewer.Message.ShouldBe(EventErrors.RoleDoesNotAllow.Message);
        var byEditor = await _kit.Finalising.FinaliseAsync(Actors.Editor, new FinaliseRequest(poll.Id, option));
        byEditor.Succeeded.ShouldBeTrue();
        (await _kit.Setup.GetAsync(Actors.Editor, poll.Id))!.EventId.ShouldBe(byEditor.Value!.EventId);
    }

    [Fact]
    public async Task Only_someone_who_may_edit_a_series_can_put_a_poll_in_it()
    {
        var outcome = await _kit.Setup.CreateAsync(Actors.Viewer, PollTestKit.ThreeEvenings(seriesId: _seriesId));

        outcome.ErrorFor(nameof(PollInput.SeriesId)).ShouldBe(PollErrors.SeriesNotYours.Message);
        (await _kit.Setup.CreateAsync(Actors.Editor, PollTestKit.ThreeEvenings(seriesId: _seriesId))).Succeeded.ShouldBeTrue();
    }
}
