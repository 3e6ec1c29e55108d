using System.Text;
using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using QRCoder;

namespace EventHub.EndToEnd.Tests.CheckIn;

/// <summary>
/// The door page reads a ticket from the camera alone: Chromium's fake camera plays a Y4M video of the ticket's QR.
/// This test launches its own Chromium because the fake camera is chosen at launch.
/// </summary>
public sealed class CameraScanTests(SharedApp shared)
{
    private readonly AppHost _app = shared.Host;

    [Fact]
    public async Task A_ticket_held_up_to_the_camera_is_checked_in_with_no_typing()
    {
        var (eventId, code) = await EventWithOneTicketAsync();
        var link = await _app.Service<DoorLinkService>().CreateAsync(Actor.System, eventId,
            new DoorLinkInput("Camera phone", DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(8)), Ct);
        // The video lives in the app's data folder, which the host deletes.
        var video = Path.Combine(_app.DataFolder, $"ticket-{eventId}.y4m");
        await File.WriteAllBytesAsync(video, QrVideo(code), Ct);

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--use-file-for-fake-video-capture=" + video,
            ],
        });
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, Locale = "en-GB" });
        context.SetDefaultTimeout(60_000);
        await context.GrantPermissionsAsync(["camera"], new BrowserContextGrantPermissionsOptions { Origin = _app.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync(_app.Url($"/door/{link.Value!.Token}"));
        await page.GetByTestId("door-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.GetByTestId("camera-start").ClickAsync();

        await Assertions.Expect(page.GetByTestId("checkin-result-text")).ToHaveTextAsync("Checked in", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("checkin-result")).ToContainTextAsync("Cam Example");
        await Assertions.Expect(page.GetByTestId("checkin-code")).ToHaveValueAsync(string.Empty);
        (await _app.Service<CheckInService>().CountsAsync(Door.ForOrganiser(Actor.System), eventId, Ct)).Value!.CheckedIn.ShouldBe(1);
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    private async Task<(int EventId, string Code)> EventWithOneTicketAsync()
    {
        var events = _app.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Camera Forum", Capacity = 5, VenueName = "County Hall", StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        });
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        var booked = await _app.Service<BookingService>().BookAsync(new BookingRequest(created.Value.Id, new BookingForm
        {
            Name = "Cam Example", Email = "cam@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct);
        booked.Succeeded.ShouldBeTrue(string.Join("; ", booked.Errors.Select(e => e.Message)));
        return (created.Value.Id, booked.Value!.CheckInCode!);
    }

    /// <summary>
    /// A Y4M (YUV 4:2:0) video of a few identical frames: the QR drawn from QRCoder's module matrix, black on white,
    /// centred on a 640x480 frame. Grey levels go in the Y plane; U and V are 128 (no colour).
    /// </summary>
    internal static byte[] QrVideo(string text, int width = 640, int height = 480, int frames = 5)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var scale = Math.Min(width, height) * 8 / 10 / size;
        var left = (width - (size * scale)) / 2;
        var top = (height - (size * scale)) / 2;

        var y = new byte[width * height];
        Array.Fill(y, (byte)235);
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                if (!modules[row][col])
                {
                    continue;
                }

                for (var dy = 0; dy < scale; dy++)
                {
                    Array.Fill(y, (byte)16, ((top + (row * scale) + dy) * width) + left + (col * scale), scale);
                }
            }
        }

        var chroma = new byte[width / 2 * (height / 2)];
        Array.Fill(chroma, (byte)128);
        using var video = new MemoryStream();
        var header = Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n");
        video.Write(header);
        for (var f = 0; f < frames; f++)
        {
            video.Write("FRAME\n"u8);
            video.Write(y);
            video.Write(chroma);
            video.Write(chroma);
        }

        return video.ToArray();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
