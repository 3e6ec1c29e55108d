using System.Globalization;
using EventHub.Core.Common;

namespace EventHub.Core.Proceedings;

/// <summary>The record of the day's refusals (notes, materials, write-ups, proceedings): stable codes and the words people see.</summary>
public static class ProceedingsErrors
{
    public static readonly Refusal LinkNotValid = Refusal.Forbidden(ErrorCodes.Forbidden,
        "This link is not valid for this session. Ask the organisers for the session's notes link");

    public static readonly Refusal SessionNotFound = Refusal.NotFound(ErrorCodes.NotFound, "That session could not be found");

    public static readonly Refusal EventNotFound = Refusal.NotFound(ErrorCodes.NotFound, "That event could not be found");

    public static readonly Refusal MaterialNotFound = Refusal.NotFound(ErrorCodes.NotFound, "That material could not be found");

    public static readonly Refusal WriteUpNotFound = Refusal.NotFound(ErrorCodes.NotFound, "That write-up could not be found");

    public static readonly Refusal NoConvenerAddress = new("no_convener_address",
        "There is no email address for this session’s convener. Make a notes link and give it to them yourself");

    public static readonly Refusal OrganisersOnlyMailLink = Refusal.Forbidden(ErrorCodes.Forbidden, "Only organisers can mail a notes link");

    public static readonly Refusal WriteUpLinkNotValid = Refusal.NotFound(ErrorCodes.NotFound, "This link is not valid");

    public static readonly Refusal ManageLinkNotValid = Refusal.NotFound(ErrorCodes.NotFound, "This link is not valid");

    public static readonly Refusal WithdrawNotConfirmed = new("withdraw_not_confirmed",
        "Tick the box to confirm that your name should be replaced by “a participant”", OutcomeStatus.Invalid);

    public static readonly Refusal Stale = new("stale",
        "Someone else saved these notes since you opened them. Copy your changes, reload the page and add them again");

    public static readonly Refusal OrganisersOnlyHide = Refusal.Forbidden(ErrorCodes.Forbidden, "Only organisers can hide material");

    public static readonly Refusal OrganisersOnlyRemove = Refusal.Forbidden(ErrorCodes.Forbidden, "Only organisers can remove material");

    public static readonly Refusal OrganisersOnlyUploadLimit =
        Refusal.Forbidden(ErrorCodes.Forbidden, "Only organisers can change the upload limit");

    public static readonly Refusal OrganisersOnlyModerate = Refusal.Forbidden(ErrorCodes.Forbidden, "Only organisers can approve write-ups");

    public static readonly Refusal OrganisersOnlySettings = Refusal.Forbidden(ErrorCodes.Forbidden, "Only organisers can change this");

    public static readonly Refusal OrganisersOnlyPublish = Refusal.Forbidden(ErrorCodes.Forbidden, "Only organisers can publish the proceedings");

    public static readonly Refusal Consent = new("consent_missing",
        "Confirm that everyone named under 'Who took part' agreed to be named", OutcomeStatus.Invalid);

    public static readonly Refusal NoFile = new("file_missing", "Select a file", OutcomeStatus.Invalid);

    public static readonly Refusal EmptyFile = new("file_empty", "The selected file is empty", OutcomeStatus.Invalid);

    public static readonly Refusal WrongType = new("file_type", "The selected file must be a PDF, PPTX, ODP, DOCX, PNG or JPEG", OutcomeStatus.Invalid);

    public static readonly Refusal ContentMismatch = new("file_mismatch",
        "The selected file's contents do not match its name. Save it again as a PDF, PPTX, ODP, DOCX, PNG or JPEG", OutcomeStatus.Invalid);

    public static readonly Refusal PathName = new("file_name",
        "The selected file's name must not include a folder path or special characters. Rename the file and try again", OutcomeStatus.Invalid);

    public static readonly Refusal LinkTitle = new("title_missing", "Enter a title for the link", OutcomeStatus.Invalid);

    public static readonly Refusal LinkUrl = new("url_invalid", "Enter a web address starting with https:// or http://", OutcomeStatus.Invalid);

    public static readonly Refusal WriteUpName = new("name_missing", "Enter your name", OutcomeStatus.Invalid);

    public static readonly Refusal WriteUpEmpty = new("write_up_empty", "Enter a short write-up or a link to your own post", OutcomeStatus.Invalid);

    public static readonly Refusal UploadLimitMissing = new("upload_limit_invalid", "Enter the largest file size in megabytes", OutcomeStatus.Invalid);

    public static readonly Refusal UploadLimitNotWhole = new("upload_limit_invalid",
        "The largest file size must be a whole number of megabytes, like 25", OutcomeStatus.Invalid);

    public static Refusal SessionFull(int maxFiles) => new(SessionFullCode, string.Create(CultureInfo.CurrentCulture,
        $"This session already has {Files(maxFiles)}, the most one session may have. Ask the organisers to remove one or raise the limit"), OutcomeStatus.Invalid);

    public const string SessionFullCode = "session_files_full";

    public static Refusal LinkFull(int maxFiles) => new(LinkFullCode, string.Create(CultureInfo.CurrentCulture,
        $"You have added {Files(maxFiles)} with this notes link, the most one link may add. Ask the organisers if you need to add more"), OutcomeStatus.Invalid);

    public const string LinkFullCode = "link_files_full";

    private static string Files(int count) => string.Create(CultureInfo.CurrentCulture, $"{count:N0} {(count == 1 ? "file" : "files")}");

    public static Refusal FilesLimitRange(string label, int min, int max) => new("files_limit_invalid", string.Create(CultureInfo.CurrentCulture,
        $"{label} must be a whole number from {min} to {max}"), OutcomeStatus.Invalid);

    public static readonly Refusal LicenceMissing = new("licence_invalid", "Choose a licence from the list", OutcomeStatus.Invalid);

    public static readonly Refusal OrganisersOnlyApprove = Refusal.Forbidden(ErrorCodes.Forbidden, "Only organisers can approve material");

    public static Refusal TooLarge(long maxBytes) =>
        new(TooLargeCode, $"The selected file must be smaller than {ProceedingsRules.FormatSize(maxBytes)}", OutcomeStatus.Invalid);

    public const string TooLargeCode = "file_too_large";

    /// <summary>
    /// The upload refusal with this code, for a page that is sent back to after a plain upload post (the code travels
    /// in the address, the words stay here); null for any other code.
    /// </summary>
    public static Refusal? UploadRefusal(string? code, long maxBytes,
        int filesPerSession = ProceedingsSettings.DefaultMaxFilesPerSession, int filesPerLink = ProceedingsSettings.DefaultMaxFilesPerLink) => code switch
    {
        SessionFullCode => SessionFull(filesPerSession),
        LinkFullCode => LinkFull(filesPerLink),
        "file_missing" => NoFile,
        "file_empty" => EmptyFile,
        "file_type" => WrongType,
        "file_mismatch" => ContentMismatch,
        "file_name" => PathName,
        TooLargeCode => TooLarge(maxBytes),
        _ => null,
    };

    public static Refusal TooLong(string label, int max) =>
        new("too_long", string.Create(CultureInfo.CurrentCulture, $"{label} must be {max:N0} characters or fewer"), OutcomeStatus.Invalid);

    public static Refusal UploadLimitBytes(long maxBytes) =>
        new("upload_limit_invalid", $"Upload limit must be between 1 KB and {ProceedingsRules.FormatSize(maxBytes)}", OutcomeStatus.Invalid);

    public static Refusal UploadLimitRange(int minMegabytes, int maxMegabytes) =>
        new("upload_limit_invalid", $"The largest file size must be between {minMegabytes} and {maxMegabytes} MB", OutcomeStatus.Invalid);
}
