using System.Diagnostics.Metrics;

namespace EventHub.Core.Bookings;

/// <summary>
/// What the booking writer measures, for the benchmarks and `dotnet-counters`: how many bookings each group commit
/// wrote. Listen with a <see cref="MeterListener"/> on <see cref="MeterName"/>.
/// </summary>
public static class BookingWriterMetrics
{
    public const string MeterName = "EventHub.Bookings";

    public const string BatchSizeName = "eventhub.bookings.batch_size";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(BatchSizeName, "{booking}", "Bookings written in one group commit");
}
