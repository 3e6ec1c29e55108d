using System.Runtime.CompilerServices;
using Bunit;

namespace EventHub.Web.Tests.Support;

internal static class WaitTimeout
{
    /// <summary>
    /// bUnit waits one second by default for a render to pass an assertion. Beside the browser and PostgreSQL passes a
    /// render that reads the database can take longer, so waits get ten seconds; a wait that passes returns at once.
    /// </summary>
    [ModuleInitializer]
    internal static void Lengthen() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
