using EventHub.Core.Bookings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

public sealed class CsvAndPublicFormTests
{
    [Fact]
    public async Task The_csv_export_has_answers_but_leaves_out_access_and_dietary_needs_unless_asked()
    {
        await using var kit = await BookingKit.CreateAsync();
        var q = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "Team", "", QuestionKind.ShortText, false, "")).Value!;
        var form = BookingKit.Form("Ann Example");
        form.Answers[q.Id] = "Digital";
        form.DietaryNeeds = "Vegan";
        form.AccessNeeds = "Hearing loop";
        await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, form));
        var rows = await kit.Attendees.ExportRowsAsync(Actors.Organiser, kit.EventId, withNeeds: true);
        var questions = await kit.Questions.ListAsync(Actors.Organiser, kit.EventId);

        var plain = AttendeeCsv.Write(rows, questions, includeNeeds: false);
        var withNeeds = AttendeeCsv.Write(rows, questions, includeNeeds: true);

        plain.ShouldContain("Ann Example");
        plain.ShouldContain("Digital");
        plain.ShouldNotContain("Vegan");
        plain.ShouldNotContain("Hearing loop");
        withNeeds.ShouldContain("Vegan");
        withNeeds.ShouldContain("Hearing loop");
    }

    [Fact]
    public void A_typed_formula_is_neutralised_in_the_csv()
    {
        var b = new EventHub.Core.Bookings.Booking
        {
            Reference = "AAAA-BBBB", CheckInCode = "c", Name = "=HYPERLINK(\"http://x\")", Email = "a@b.gov.uk", NormalisedEmail = "a@b.gov.uk",
        };
        AttendeeCsv.Write([b], [], false).ShouldContain("'=HYPERLINK");
    }

    [Fact]
    public async Task The_public_form_shows_a_hidden_ticket_type_only_with_its_secret()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Delegates", "", null, false);
        var speakers = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Speakers", "", null, true)).Value!;
        var publicBooking = new PublicBooking(kit.Database, kit.Clock);

        (await publicBooking.GetFormAsync("forum", null))!.TicketTypes.Select(t => t.Name).ShouldBe(["Delegates"]);
        (await publicBooking.GetFormAsync("forum", speakers.SecretToken))!.TicketTypes.Select(t => t.Name).ShouldBe(["Delegates", "Speakers"]);
    }

    [Fact]
    public async Task A_hidden_online_type_gets_its_live_places_line_only_for_a_visitor_with_its_secret()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Online", "", 10, false, Attendance.Online);
        var speakers = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Speakers online", "", 2, true, Attendance.Online)).Value!;
        var publicBooking = new PublicBooking(kit.Database, kit.Clock);
        await BookWithSecretAsync(kit, "Sam Speaker", speakers);

        (await publicBooking.GetFormAsync("forum", null))!.Online.Select(o => o.Name).ShouldBe(["Online"]);
        var first = (await publicBooking.GetFormAsync("forum", speakers.SecretToken))!;
        first.Online.Select(o => (o.Name, o.PlacesLeft)).ShouldBe([("Online", 10), ("Speakers online", 1)]);
        first.IsFullFor(speakers.Id).ShouldBeFalse();

        // The booking set-up is cached by now: the hidden type's last place taken must still show, read live.
        await BookWithSecretAsync(kit, "Sue Speaker", speakers);
        var full = (await publicBooking.GetFormAsync("forum", speakers.SecretToken))!;
        full.Online.Single(o => o.TicketTypeId == speakers.Id).PlacesLeft.ShouldBe(0);
        full.IsFullFor(speakers.Id).ShouldBeTrue();
    }

    private static async Task BookWithSecretAsync(BookingKit kit, string name, TicketType type)
    {
        var form = BookingKit.Form(name, null, type.Id);
        form.TicketSecret = type.SecretToken;
        var outcome = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, form));
        outcome.Value!.Status.ShouldBe(BookingStatus.Confirmed, string.Join("; ", outcome.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task The_public_form_says_when_booking_opens_and_when_it_has_closed()
    {
        await using var kit = await BookingKit.CreateAsync();
        var publicBooking = new PublicBooking(kit.Database, kit.Clock);
        (await publicBooking.GetFormAsync("forum", null))!.Window.ShouldBe(BookingWindow.Open);

        kit.Clock.Advance(TimeSpan.FromDays(29));
        var closed = (await publicBooking.GetFormAsync("forum", null))!;
        closed.Window.ShouldBe(BookingWindow.Closed);
        closed.WindowMessage.ShouldBe("Booking for this event has closed.");
        (await publicBooking.GetFormAsync("no-such-event", null)).ShouldBeNull();
    }
}
