namespace EventHub.Core.Data;

/// <summary>The database engines EventHub runs on, chosen with <c>EventHub:Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app; nothing to install. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several app nodes sharing one database.</summary>
    PostgreSql,
}
