using System.Globalization;
using EventHub.Core.Common;

namespace EventHub.Web.Features.Proceedings;

/// <summary>The notes page's status line, the same words whether the page or its autosave script writes it.</summary>
public static class NotesStatus
{
    public const string NotEdited = "Not edited yet";

    /// <summary>"Saved at 10:31:02 am", in the event's zone.</summary>
    public static string SavedAt(DateTime utc, string? timeZoneId) =>
        "Saved at " + EventTime.ToLocal(utc, timeZoneId).ToString("h:mm:ss tt", CultureInfo.GetCultureInfo("en-GB")).ToLowerInvariant();
}
