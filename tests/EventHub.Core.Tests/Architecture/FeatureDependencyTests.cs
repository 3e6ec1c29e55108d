using System.Text.RegularExpressions;

namespace EventHub.Core.Tests.Architecture;

/// <summary>
/// Keeps the direction of the arrows between Core's features honest by reading the sources: a file in feature A
/// may name feature B (a using line, a fully qualified name, or a name like <c>Bookings.IPriorityAccess</c>
/// written inside EventHub.Core) only if the table below allows A → B.
/// </summary>
public sealed partial class FeatureDependencyTests
{
    private static readonly string[] Base = ["Common", "Data", "Organisers"];

    private static readonly string[] BelowBookings = [.. Base, "Events", "Email"];

    private static readonly string[] BelowFeaturesOnBookings = [.. BelowBookings, "Bookings"];

    /// <summary>
    /// THE TABLE: what each feature may name. Common/Data ← Events ← Bookings ← (FollowUps, MailingLists, CheckIn,
    /// Polls, OpenSpace, Proceedings); Email is used by all and names no feature.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Common"] = [],
        // The DbContext applies every feature's entity mapping, and demo seeding fills every feature: they may know all.
        ["Data"] = ["*"],
        ["Demo"] = ["*"],
        ["Organisers"] = ["Common", "Data"],
        ["Events"] = [.. Base, "Email"],
        ["Email"] = Base,
        // Invitations make organiser accounts and mail the link; nothing names them.
        ["Invitations"] = [.. Base, "Email"],
        ["Bookings"] = BelowBookings,
        // The follow-up after the day goes to those checked in, with each person's feedback link and the proceedings
        // link (sent only once the proceedings are published); Proceedings names no FollowUps type.
        ["FollowUps"] = [.. BelowFeaturesOnBookings, "CheckIn", "Feedback", "Proceedings"],
        ["MailingLists"] = BelowFeaturesOnBookings,
        ["CheckIn"] = BelowFeaturesOnBookings,
        ["Polls"] = BelowFeaturesOnBookings,
        // The news room needs only the event and its teams; the board and the proceedings show its announcements.
        ["NewsRoom"] = [.. Base, "Events"],
        ["OpenSpace"] = BelowFeaturesOnBookings,
        ["Proceedings"] = BelowFeaturesOnBookings,
        ["Feedback"] = BelowFeaturesOnBookings,
        // Figures read bookings, check-ins and feedback scores; nothing below names them.
        ["Dashboards"] = [.. BelowFeaturesOnBookings, "CheckIn", "Feedback"],
        // Retention and erasure reach every feature's records about a person; no feature names Privacy.
        ["Privacy"] = [.. BelowFeaturesOnBookings, "FollowUps", "MailingLists", "CheckIn", "Polls", "OpenSpace", "Proceedings", "Feedback", "Invitations"],
    };

    [Fact]
    public void No_Core_feature_names_a_feature_it_must_not()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "EventHub.Core");
        var files = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsUnder(f, core, "bin") && !IsUnder(f, core, "obj") && !IsUnder(f, core, Path.Combine("Data", "Migrations")))
            .ToList();
        files.Count.ShouldBeGreaterThan(50, "the scan must find the Core sources");

        var violations = files.SelectMany(f => Check(Path.GetRelativePath(core, f), File.ReadAllText(f))).ToList();

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_Core_feature_folder_has_a_row_in_the_table()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "EventHub.Core");
        var folders = Directory.GetDirectories(core).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj")).ToList();

        folders.ShouldBeSubsetOf(Allowed.Keys);
    }

    [Fact]
    public void The_checker_names_the_file_and_the_forbidden_arrow()
    {
        const string source = """
            using EventHub.Core.Common;
            using EventHub.Core.Bookings;

            namespace EventHub.Core.Email.Rendering;

            public static class Sneaky
            {
                public static object Read() => typeof(EventHub.Core.Polls.PollService);

                public static object Grant() => typeof(MailingLists.ListPriority);
            }
            """;

        var violations = Check(Path.Combine("Email", "Rendering", "Sneaky.cs"), source);

        violations.ShouldBe(
        [
            $"{Path.Combine("Email", "Rendering", "Sneaky.cs")}: Email → Bookings is not allowed",
            $"{Path.Combine("Email", "Rendering", "Sneaky.cs")}: Email → MailingLists is not allowed",
            $"{Path.Combine("Email", "Rendering", "Sneaky.cs")}: Email → Polls is not allowed",
        ]);
    }

    [Fact]
    public void The_checker_lets_allowed_arrows_and_unrelated_names_through()
    {
        const string source = """
            using EventHub.Core.Bookings;
            using EventHub.Core.Email;

            namespace EventHub.Core.FollowUps.Emails;

            // A comment may mention Polls.PollService or EventHub.Core.OpenSpace; a member such as booking.Polls is no feature.
            public sealed class Fine
            {
                public int Count(Booking booking) => booking.Polls.Count + Events.EventRules.MaxTitleLength;
            }
            """;

        Check(Path.Combine("FollowUps", "Emails", "Fine.cs"), source).ShouldBeEmpty();
    }

    /// <summary>The forbidden arrows one file draws, each as "path: From → To is not allowed".</summary>
    public static IReadOnlyList<string> Check(string path, string source)
    {
        var code = Comments().Replace(source, string.Empty);
        var from = Namespace().Match(code) is { Success: true } ns ? ns.Groups[1].Value : null;
        if (from is null || !Allowed.TryGetValue(from, out var allowed) || allowed.Contains("*"))
        {
            return [];
        }

        var named = FullyQualified().Matches(code).Select(m => m.Groups[1].Value)
            .Concat(PartlyQualified().Matches(code).Select(m => m.Groups[1].Value))
            .Where(Allowed.ContainsKey)
            .Distinct();
        return [.. named.Where(to => to != from && !allowed.Contains(to)).Order(StringComparer.Ordinal)
            .Select(to => $"{path}: {from} → {to} is not allowed")];
    }

    private static bool IsUnder(string file, string root, string folder) =>
        Path.GetRelativePath(root, file).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    internal static string RepositoryRoot()
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

    [GeneratedRegex(@"^namespace EventHub\.Core\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"EventHub\.Core\.(\w+)")]
    private static partial Regex FullyQualified();

    /// <summary>Inside EventHub.Core, <c>Bookings.IPriorityAccess</c> names the Bookings feature without its prefix.</summary>
    [GeneratedRegex(@"(?<![\w.])(\w+)\.[A-Z]\w*")]
    private static partial Regex PartlyQualified();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
