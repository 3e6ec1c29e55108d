using EventHub.Core.Common;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Proceedings;

public sealed class MaterialServiceTests
{
    [Fact]
    public async Task A_pdf_is_stored_outside_the_web_root_under_a_random_name_and_downloads_with_safe_headers()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        using var pdf = Files.Pdf();

        var outcome = await f.Materials.UploadAsync(f.Key, "Bus timetables (final).pdf", pdf);

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        await using var db = f.Database.CreateDbContext();
        var row = await db.Set<Material>().SingleAsync();
        row.StoredName.ShouldNotContain("Bus");
        row.OriginalName.ShouldBe("Bus timetables -final.pdf");
        File.Exists(Path.Combine(f.Store.Folder, row.StoredName)).ShouldBeTrue();
        Directory.GetFiles(f.Store.Folder).ShouldHaveSingleItem();
        var download = await f.Materials.GetDownloadAsync(Actor.Anonymous, row.Id);
        download!.ContentType.ShouldBe("application/pdf");
        download.ContentDisposition.ShouldStartWith("attachment; filename=\"Bus timetables -final.pdf\"");
    }

    [Fact]
    public async Task An_executable_renamed_pdf_is_refused_with_a_clear_message()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        using var exe = Files.Executable();

        var outcome = await f.Materials.UploadAsync(f.Key, "slides.pdf", exe);

        outcome.ErrorFor("File").ShouldBe("The selected file must be a PDF, PPTX, ODP, DOCX, PNG or JPEG");
        await AssertNothingStoredAsync(f);
    }

    [Fact]
    public async Task A_path_traversal_file_name_is_refused_with_a_clear_message()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        using var pdf = Files.Pdf();

        var outcome = await f.Materials.UploadAsync(f.Key, "../../wwwroot/evil.pdf", pdf);
        var windows = await f.Materials.UploadAsync(f.Key, "..\\..\\evil.pdf", Files.Pdf());

        outcome.ErrorFor("File").ShouldBe(ProceedingsErrors.PathName.Message);
        windows.ErrorFor("File").ShouldBe(ProceedingsErrors.PathName.Message);
        await AssertNothingStoredAsync(f);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_with_the_limit_in_the_message()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        (await f.Materials.SetUploadLimitAsync(Actors.Organiser, f.EventId, 2048)).Succeeded.ShouldBeTrue();
        using var big = Files.Pdf(padding: 5000);

        var outcome = await f.Materials.UploadAsync(f.Key, "big.pdf", big);

        outcome.ErrorFor("File").ShouldBe("The selected file must be smaller than 2 KB");
        await AssertNothingStoredAsync(f);
    }

    [Fact]
    public async Task The_default_limit_is_25_MB()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        (await f.Notes.GetAsync(f.Key))!.MaxUploadBytes.ShouldBe(25L * 1024 * 1024);
        ProceedingsErrors.TooLarge(ProceedingsSettings.DefaultMaxUploadBytes).Message.ShouldBe("The selected file must be smaller than 25 MB");
    }

    [Fact]
    public async Task An_empty_file_is_refused_with_a_clear_message()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        using var empty = new MemoryStream();

        var outcome = await f.Materials.UploadAsync(f.Key, "slides.pdf", empty);

        outcome.ErrorFor("File").ShouldBe("The selected file is empty");
        await AssertNothingStoredAsync(f);
    }

    [Fact]
    public async Task A_real_file_whose_name_claims_another_type_is_refused()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        using var png = Files.Png();

        var outcome = await f.Materials.UploadAsync(f.Key, "slides.pdf", png);

        outcome.ErrorFor("File").ShouldBe(ProceedingsErrors.ContentMismatch.Message);
    }

    [Fact]
    public async Task Office_files_are_recognised_by_their_package_description_and_a_plain_zip_is_not()
    {
        using var docx = Files.Docx();
        using var odp = Files.Odp();
        using var zip = Files.Zip(("readme.txt", "hello"));
        using var fakeDocx = Files.Zip(("[Content_Types].xml", "<Types/>"), ("evil.exe", "MZ"));

        ProceedingsRules.Sniff(docx).ShouldBe(ProceedingsRules.Docx);
        ProceedingsRules.Sniff(odp).ShouldBe(ProceedingsRules.Odp);
        ProceedingsRules.Sniff(zip).ShouldBeNull();
        ProceedingsRules.Sniff(fakeDocx).ShouldBeNull();

        await using var f = await ProceedingsFixture.CreateAsync();
        (await f.Materials.UploadAsync(f.Key, "notes.docx", Files.Docx())).Succeeded.ShouldBeTrue();
        (await f.Materials.UploadAsync(f.Key, "deck.odp", Files.Odp())).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Without_the_private_link_nobody_can_upload()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        var outcome = await f.Materials.UploadAsync(EditorKey.ForToken(SecureTokens.New()), "slides.pdf", Files.Pdf());

        outcome.ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        await AssertNothingStoredAsync(f);
    }

    [Fact]
    public async Task Links_must_be_web_addresses()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        (await f.Materials.AddLinkAsync(f.Key, "Video", "javascript:alert(1)")).ErrorFor("Url").ShouldBe(ProceedingsErrors.LinkUrl.Message);
        (await f.Materials.AddLinkAsync(f.Key, "Video", "https://video.example.org/1")).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Hidden_material_cannot_be_downloaded_by_the_public_and_removed_material_is_deleted_from_disk()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        var id = (await f.Materials.UploadAsync(f.Key, "slides.pdf", Files.Pdf())).Value!.Id;

        (await f.Materials.SetHiddenAsync(Actor.Anonymous, id, true)).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        await f.Materials.SetHiddenAsync(Actors.Organiser, id, true);
        (await f.Materials.GetDownloadAsync(Actor.Anonymous, id)).ShouldBeNull();
        (await f.Materials.GetDownloadAsync(Actors.Organiser, id)).ShouldNotBeNull();

        await f.Materials.RemoveAsync(Actors.Organiser, id);
        Directory.GetFiles(f.Store.Folder).ShouldBeEmpty();
    }

    [Fact]
    public void Download_names_cannot_break_the_header()
    {
        var value = ProceedingsRules.ContentDisposition("a\"b;\r\nc.pdf");

        value.ShouldNotContain("\r");
        value.ShouldNotContain("\n");
        value.ShouldStartWith("attachment; filename=\"a_b___c.pdf\"");
    }

    private static async Task AssertNothingStoredAsync(ProceedingsFixture f)
    {
        await using var db = f.Database.CreateDbContext();
        (await db.Set<Material>().CountAsync()).ShouldBe(0);
        (Directory.Exists(f.Store.Folder) ? Directory.GetFiles(f.Store.Folder) : []).ShouldBeEmpty();
    }
}
