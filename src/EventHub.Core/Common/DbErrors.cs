using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Common;

/// <summary>Recognises a unique-index violation across providers without SQL of our own.</summary>
public static class DbErrors
{
    public static bool IsUniqueViolation(DbUpdateException ex)
    {
        var inner = ex.InnerException;
        return inner switch
        {
            Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 && s.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase),
            _ => inner?.GetType().Name == "PostgresException" && inner.Message.Contains("23505", StringComparison.Ordinal),
        };
    }
}
