using EventHub.Core.Common;

namespace EventHub.Core.Events;

/// <summary>
/// An agenda laid out as time slots (rows) by rooms (columns). Rows are the distinct start times; a session
/// sits in the row of its start. Sessions with no room go in a final "Other" column.
/// </summary>
public sealed record AgendaGrid(IReadOnlyList<AgendaColumn> Columns, IReadOnlyList<AgendaRow> Rows)
{
    public bool IsEmpty => Rows.Count == 0;

    public static AgendaGrid Build(IEnumerable<Room> rooms, IEnumerable<Session> sessions, string timeZoneId)
    {
        var sessionList = sessions.OrderBy(s => s.StartUtc).ThenBy(s => s.Title, StringComparer.CurrentCulture).ToList();
        var columns = rooms.OrderBy(r => r.SortOrder).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .Select(r => new AgendaColumn(r.Id, r.Name, r.Capacity, r.AccessibilityNotes))
            .ToList();
        var known = columns.Select(c => c.RoomId).ToHashSet();
        if (sessionList.Any(s => s.RoomId is null || !known.Contains(s.RoomId)))
        {
            columns.Add(new AgendaColumn(null, columns.Count == 0 ? "All sessions" : "Other", null, string.Empty));
        }

        var rows = sessionList
            .GroupBy(s => s.StartUtc)
            .Select(g =>
            {
                var cells = columns.Select(c => (IReadOnlyList<AgendaCell>)g
                        .Where(s => c.RoomId is null ? s.RoomId is null || !known.Contains(s.RoomId) : s.RoomId == c.RoomId)
                        .Select(s => new AgendaCell(s.Id, s.Title, s.Speakers, s.StartUtc, s.EndUtc,
                            EventTime.FormatClock(s.StartUtc, timeZoneId) + " to " + EventTime.FormatClock(s.EndUtc, timeZoneId), s.Capacity))
                        .ToList())
                    .ToList();
                return new AgendaRow(g.Key, EventTime.FormatClock(g.Key, timeZoneId), cells);
            })
            .ToList();
        return new AgendaGrid(columns, rows);
    }
}
