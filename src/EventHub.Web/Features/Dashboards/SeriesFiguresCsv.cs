using System.Globalization;
using CsvHelper;
using EventHub.Core.Common;
using EventHub.Core.Dashboards;

namespace EventHub.Web.Features.Dashboards;

/// <summary>The series dashboard's figures as a CSV file of raw numbers, one row per edition (see <see cref="SeriesColumns.CsvCells"/>).</summary>
public static class SeriesFiguresCsv
{
    public static string Write(SeriesFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
        foreach (var header in SeriesColumns.CsvHeaders)
        {
            csv.WriteField(header);
        }

        csv.EndRecord();
        foreach (var edition in figures.Editions)
        {
            foreach (var cell in SeriesColumns.CsvCells(edition))
            {
                csv.WriteField(CsvCells.Safe(cell));
            }

            csv.EndRecord();
        }

        csv.Flush();
        return writer.ToString();
    }
}
