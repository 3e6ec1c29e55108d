using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Feedback;
using EventHub.Core.MailingLists;

namespace EventHub.Core.Tests.Common;

/// <summary>
/// Text over a field's limit is refused with an error that says the limit (the page keeps what was typed), never cut
/// by the browser: the forms carry no maxlength, so these rules are what stop it.
/// </summary>
public sealed partial class TextLimitTests
{
    private static string Over(int max) => new('x', max + 1);

    [Fact]
    public void A_mailing_list_sign_up_name_over_the_limit_is_refused_saying_the_limit()
    {
        var errors = MailingListRules.Validate(new ListSignUpInput { Name = Over(MailingListRules.MaxNameLength), Email = "ann@devon.gov.uk", Consent = true });

        errors.ShouldContain(new FieldError("Name", $"Name must be {MailingListRules.MaxNameLength} characters or fewer"));
    }

    [Fact]
    public void A_room_name_and_notes_over_their_limits_are_refused_saying_the_limits()
    {
        var errors = EventRules.Validate(new RoomInput { Name = Over(EventRules.MaxRoomNameLength), AccessibilityNotes = Over(EventRules.MaxNotesLength) });

        errors.ShouldContain(new FieldError("Name", $"Room name must be {EventRules.MaxRoomNameLength} characters or fewer"));
        errors.ShouldContain(new FieldError("AccessibilityNotes", $"Accessibility notes must be {EventRules.MaxNotesLength:N0} characters or fewer"));
    }

    [Fact]
    public void A_session_title_speakers_and_description_over_their_limits_are_refused_saying_the_limits()
    {
        var ev = new Event
        {
            Title = "Forum", Slug = "forum",
            StartUtc = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 12, 2, 16, 0, 0, DateTimeKind.Utc),
        };
        var errors = EventRules.Validate(
            new SessionInput
            {
                Title = Over(EventRules.MaxTitleLength), Speakers = Over(EventRules.MaxSpeakersLength), Description = Over(EventRules.MaxSummaryLength),
                StartLocal = new DateTime(2026, 12, 2, 10, 0, 0), EndLocal = new DateTime(2026, 12, 2, 11, 0, 0),
            },
            ev,
            out _);

        errors.Select(e => e.Field).ShouldBe(["Title", "Description", "Speakers"]);
        errors[0].Message.ShouldBe($"Session title must be {EventRules.MaxTitleLength} characters or fewer");
        errors[2].Message.ShouldBe($"Speakers must be {EventRules.MaxSpeakersLength} characters or fewer");
    }

    [Fact]
    public void A_series_name_description_and_notice_over_their_limits_are_refused_saying_the_limits()
    {
        var errors = EventRules.Validate(new SeriesInput
        {
            Name = Over(EventRules.MaxTitleLength), Description = Over(EventRules.MaxSummaryLength), PrivacyNotice = Over(EventRules.MaxSummaryLength),
        });

        errors.Select(e => e.Field).ShouldBe(["Name", "Description", "PrivacyNotice"]);
        errors[0].Message.ShouldBe($"Name must be {EventRules.MaxTitleLength} characters or fewer");
    }

    [Fact]
    public void The_feedback_forms_two_texts_over_the_limit_are_refused_saying_the_limit()
    {
        var errors = FeedbackRules.Validate(new FeedbackInput(4, Over(FeedbackRules.MaxTextLength), Over(FeedbackRules.MaxTextLength)));

        errors.ShouldBe([
            new FieldError("WhatWorked", $"What worked must be {FeedbackRules.MaxTextLength} characters or fewer"),
            new FieldError("WhatToChange", $"What to change must be {FeedbackRules.MaxTextLength} characters or fewer"),
        ]);
    }

    [Fact]
    public void No_page_lets_the_browser_cut_what_people_type()
    {
        var web = Path.Combine(Architecture.FeatureDependencyTests.RepositoryRoot(), "src", "EventHub.Web");
        var cutting = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(web, f), Line: i + 1, Text: line)))
            .Where(l => MaxLengthAttribute().IsMatch(l.Text))
            // A ticket code is scanned or typed from a ticket, not written: one too long matches no ticket anyway.
            .Where(l => !l.Text.Contains("CheckInRules.MaxCodeLength", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();

        cutting.ShouldBeEmpty(string.Join(Environment.NewLine, cutting));
    }

    /// <summary>The attribute (<c>maxlength="…"</c>) or a component's parameter (<c>MaxLength="…"</c>), not a limit named in words.</summary>
    [GeneratedRegex(@"\bmaxlength\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex MaxLengthAttribute();
}
