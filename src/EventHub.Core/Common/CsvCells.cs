namespace EventHub.Core.Common;

public static class CsvCells
{
    /// <summary>Stops a typed "=cmd|..." from running as a formula when the file is opened in a spreadsheet.</summary>
    public static string Safe(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
