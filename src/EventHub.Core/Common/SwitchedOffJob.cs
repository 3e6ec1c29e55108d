using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Common;

/// <summary>Stands in for a job that <c>EventHub:BackgroundJobs:Enabled=false</c> keeps off this node.</summary>
public sealed class SwitchedOffJob(string job, ILogger<SwitchedOffJob> logger) : IHostedService
{
    public string Job { get; } = job;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Background jobs are off on this node (EventHub:BackgroundJobs:Enabled=false): {Job} does not run here", Job);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
