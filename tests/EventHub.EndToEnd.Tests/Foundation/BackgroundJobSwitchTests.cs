using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.FollowUps;
using EventHub.Core.Polls;
using EventHub.Core.Privacy;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventHub.EndToEnd.Tests.Foundation;

/// <summary>
/// EventHub:BackgroundJobs:Enabled=false keeps outbox delivery and every sweep off a node, so several nodes can share
/// one database while only one of them runs the jobs that do not yet claim their work with a lease.
/// </summary>
public sealed class BackgroundJobSwitchTests
{
    private static readonly Type[] Jobs =
        [typeof(OutboxDeliveryService), typeof(OfferExpiryWorker), typeof(ReminderWorker), typeof(EventStartingWorker), typeof(PollRetentionService), typeof(RetentionSweepWorker)];

    [Fact]
    public async Task A_node_runs_every_background_job_by_default()
    {
        await using var app = new AppHost();

        var running = app.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();

        Jobs.ShouldAllBe(job => running.Contains(job));
        running.ShouldNotContain(typeof(SwitchedOffJob));
    }

    [Fact]
    public async Task A_node_with_background_jobs_switched_off_runs_none_of_them()
    {
        await using var app = new AppHost(new Dictionary<string, string?> { ["EventHub:BackgroundJobs:Enabled"] = "false" });

        var hosted = app.Services.GetServices<IHostedService>().ToList();

        hosted.Select(s => s.GetType()).ShouldNotContain(type => Jobs.Contains(type));
        hosted.OfType<SwitchedOffJob>().Select(j => j.Job).ShouldBe(Jobs.Select(j => j.Name), ignoreOrder: true);
    }
}
