using EventHub.Core.Bookings;
using EventHub.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Email;

public sealed class OutboxErasureTests
{
    [Fact]
    public async Task Erasing_messages_deletes_their_rows_and_their_eml_copies_and_nothing_else()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync();
        var gone = await rig.EnqueueAsync(BookingTemplates.BookingConfirmed, EmailRig.Booking(), evt.Id);
        var kept = await rig.EnqueueAsync(BookingTemplates.BookingConfirmed, EmailRig.Booking(), evt.Id);
        (await rig.Delivery.DeliverDueAsync(Ct)).Sent.ShouldBe(2);
        File.Exists(rig.Delivery.PickupPath(gone)).ShouldBeTrue();

        await using var db = rig.Database.CreateDbContext();
        var erased = await OutboxErasure.EraseAsync(db, db.Set<OutboxMessage>().Where(m => m.Id == gone.Id), rig.Options.PickupFolder, Ct);

        erased.ShouldBe(1);
        File.Exists(rig.Delivery.PickupPath(gone)).ShouldBeFalse();
        File.Exists(rig.Delivery.PickupPath(kept)).ShouldBeTrue();
        (await db.Set<OutboxMessage>().Select(m => m.Id).ToListAsync(Ct)).ShouldBe([kept.Id]);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
