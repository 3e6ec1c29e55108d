using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EventHub.Core.Data;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>) kept once per EF model. EF binds a compiled query to the model it
/// first runs with, and a process may hold several (a SQLite and a PostgreSQL one, or one per test host), so one shared
/// delegate would be compiled again whenever the model changes; each copy here is forgotten with its model. A compiled
/// query skips translating the LINQ expression on every call, which on the booking path was a third of the read
/// phase's CPU (docs/benchmarks.md, round 8).
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _queries = new();

    public TQuery For(DbContext db) => _queries.GetValue(db.Model, _ => compile());
}
