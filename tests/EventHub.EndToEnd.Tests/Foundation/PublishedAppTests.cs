using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace EventHub.EndToEnd.Tests.Foundation;

/// <summary>
/// The app as it is deployed: `dotnet publish`, then the published dll started in Production. The web root is the
/// repository's top-level wwwroot/, linked into the web project, so this proves publishing carries it along and the
/// published app serves it (the fingerprinted stylesheet the pages link to, and the plain path).
/// </summary>
public sealed partial class PublishedAppTests
{
    [Fact]
    public async Task The_published_app_serves_the_top_level_wwwroot_in_production()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("eventhub-publish-");
        try
        {
            var output = Path.Combine(work.FullName, "app");
            var (code, log) = await RunAsync("dotnet", ["publish", Path.Combine(root, "src", "EventHub.Web"), "-c", "Release", "-o", output, "--nologo"],
                root, TimeSpan.FromMinutes(8), ct);
            code.ShouldBe(0, log);
            File.Exists(Path.Combine(output, "wwwroot", "css", "app.css")).ShouldBeTrue("publish output should contain the top-level wwwroot");

            using var app = StartPublished(output, Path.Combine(work.FullName, "data"));
            var baseUrl = await app.ListeningUrl.Task.WaitAsync(TimeSpan.FromMinutes(3), ct);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(1) };

            var home = await http.GetStringAsync(new Uri("/", UriKind.Relative), ct);
            var stylesheet = Stylesheet().Match(home);
            stylesheet.Success.ShouldBeTrue("the home page should link the app stylesheet:\n" + home);
            var expected = await File.ReadAllTextAsync(Path.Combine(root, "wwwroot", "css", "app.css"), ct);
            (await http.GetStringAsync(new Uri("/" + stylesheet.Groups["href"].Value.TrimStart('/'), UriKind.Relative), ct)).ShouldBe(expected);
            (await http.GetStringAsync(new Uri("/css/app.css", UriKind.Relative), ct)).ShouldBe(expected);
            (await http.GetAsync(new Uri("/js/checkin.js", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await http.GetAsync(new Uri("/css/not-there.css", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the stopping process: the temp folder is cleaned by the OS.
            }
        }
    }

    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>/?css/app(\.[a-z0-9]+)?\.css)" """, RegexOptions.CultureInvariant)]
    private static partial Regex Stylesheet();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EventHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EventHub.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Log)> RunAsync(string file, string[] args, string cwd, TimeSpan limit, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static PublishedApp StartPublished(string folder, string dataFolder)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(folder, "EventHub.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["EventHub__DataFolder"] = dataFolder;
        return new PublishedApp(Process.Start(info)!);
    }

    private sealed partial class PublishedApp : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        public PublishedApp(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Seen(e.Data);
            process.ErrorDataReceived += (_, e) => Seen(e.Data);
            process.Exited += (_, _) => ListeningUrl.TrySetException(new InvalidOperationException("The published app stopped:\n" + Log));
            process.EnableRaisingEvents = true;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public TaskCompletionSource<string> ListeningUrl { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            _process.Dispose();
        }

        private void Seen(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_log)
            {
                _log.AppendLine(line);
            }

            var match = Listening().Match(line);
            if (match.Success)
            {
                ListeningUrl.TrySetResult(match.Groups["url"].Value);
            }
        }

        [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)", RegexOptions.CultureInvariant)]
        private static partial Regex Listening();
    }
}
