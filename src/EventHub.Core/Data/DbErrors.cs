using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Data;

/// <summary>Recognises a unique-index violation whichever engine raised it.</summary>
public static class DbErrors
{
    public static bool IsUniqueViolation(DbUpdateException ex) =>
        DbDialect.Sqlite.IsUniqueViolation(ex) || DbDialect.PostgreSql.IsUniqueViolation(ex);
}
