using System.Security.Claims;
using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.Tests.Email;
using EventHub.Web.Features.Account;
using EventHub.Web.Features.Email;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EventHub.Web.Tests.Email;

public sealed class OutgoingMailPageTests : BunitContext, IAsyncLifetime
{
    private EmailRig _rig = default!;

    public async ValueTask InitializeAsync()
    {
        _rig = await EmailRig.CreateAsync(smtpPort: null);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        AddAuthorization().SetAuthorized("Ada Admin").SetClaims(
            new Claim(ClaimTypes.NameIdentifier, "admin-1"), new Claim(EventHub.Core.Organisers.OrganiserClaims.Administrator, "true"));
        Services.AddScoped<CurrentActor>();
        Services.AddSingleton(new OutgoingMail(_rig.Database, Microsoft.Extensions.Options.Options.Create(_rig.Options), _rig.Clock, new EventHub.Core.Events.Access.OutgoingMailAccess()));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task Shows_sent_and_waiting_messages_and_failed_ones_with_the_reason()
    {
        var evt = await _rig.AddEventAsync();
        await _rig.EnqueueAsync(BookingTemplates.BookingConfirmed, EmailRig.Booking(), evt.Id, "sent@devon.example", "Sam Sent");
        await _rig.Delivery.DeliverDueAsync(Ct);
        await _rig.EnqueueAsync("no.such.template", new { }, null, "failed@devon.example", "Fred Failed");
        await FailLastAsync();
        await _rig.EnqueueAsync(BookingTemplates.WaitlistJoined, EmailRig.Booking(), evt.Id, "waiting@devon.example", "Wendy Waiting");

        var page = Render<OutgoingMailPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=mail-row-status]").Count.ShouldBe(3));
        page.Find("[data-testid=mail-counts]").TextContent.ShouldBe("1 waiting · 1 sent · 1 failed");
        var rows = page.FindAll("tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("failed@devon.example") && r.Contains("Failed") && r.Contains("No email template is called 'no.such.template'."));
        rows.ShouldContain(r => r.Contains("waiting@devon.example") && r.Contains("Waiting to send"));
        rows.ShouldContain(r => r.Contains("sent@devon.example") && r.Contains("Sent ") && r.Contains("Your place at Social Media Forum: winter is confirmed"));
        page.Find("[data-testid=pickup-notice]").TextContent.ShouldContain(_rig.Options.PickupFolder);
    }

    [Fact]
    public async Task Retrying_a_failed_message_puts_it_back_in_the_queue()
    {
        var failed = await _rig.EnqueueAsync("no.such.template", new { }, null, "failed@devon.example", "Fred Failed");
        await FailLastAsync();
        var page = Render<OutgoingMailPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=mail-retry]"));

        page.Find("[data-testid=mail-retry]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=mail-message]").TextContent.ShouldContain("back in the queue"));
        (await _rig.ReloadAsync(failed.Id)).Status.ShouldBe(OutboxStatus.Queued);
        page.WaitForAssertion(() => page.Find("[data-testid=mail-row-status]").TextContent.ShouldBe("Waiting to send"));
        page.FindAll("[data-testid=mail-retry]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Loads_one_page_at_a_time_from_the_server()
    {
        for (var i = 0; i < 30; i++)
        {
            await _rig.EnqueueAsync(BookingTemplates.RequestReceived, EmailRig.Booking(), null, $"p{i:00}@devon.example");
        }

        var page = Render<OutgoingMailPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=mail-row-status]").Count.ShouldBe(25));
        page.Markup.ShouldContain("p29@devon.example", customMessage: "newest first");
        page.Markup.ShouldNotContain("p00@devon.example");
        page.Markup.ShouldContain("1-25 of 30");
    }

    [Fact]
    public async Task A_message_written_to_the_pickup_folder_can_be_read_in_the_browser()
    {
        var evt = await _rig.AddEventAsync();
        var queued = await _rig.EnqueueAsync(BookingTemplates.BookingConfirmed, EmailRig.Booking("CHK-PREVIEW"), evt.Id);
        await _rig.Delivery.DeliverDueAsync(Ct);
        var list = Render<OutgoingMailPage>();
        list.WaitForAssertion(() => list.Find("[data-testid=mail-view]").GetAttribute("href").ShouldBe($"/organiser/mail/{queued.Id}"));

        var preview = Render<MailPreviewPage>(p => p.Add(x => x.Id, queued.Id));

        preview.WaitForAssertion(() => preview.Find("[data-testid=preview-subject]").TextContent.ShouldBe("Your place at Social Media Forum: winter is confirmed"));
        preview.Find("[data-testid=preview-text]").TextContent.ShouldContain("Check-in code: CHK-PREVIEW");
        preview.Markup.ShouldContain("invite.ics");
    }

    private async Task FailLastAsync() => await _rig.Delivery.DeliverDueAsync(Ct);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
}
