namespace EventHub.EndToEnd.Tests.Support;

/// <summary>
/// A test class whose every test gets an app of its own, for what the <see cref="SharedApp"/> cannot give: an empty
/// database (first-run setup) or a test that reads every row of a table or every file in the mail pickup folder.
/// </summary>
public abstract class OwnAppTest : IAsyncLifetime
{
    protected AppHost App { get; private set; } = default!;

    /// <summary>Configuration for this class's hosts; none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public ValueTask InitializeAsync()
    {
        App = new AppHost(Settings);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
