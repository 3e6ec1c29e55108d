using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.MailingLists;
using EventHub.Core.OpenSpace;
using EventHub.Core.Polls;
using EventHub.Core.Proceedings;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Privacy;

/// <summary>Reads every record that names one (normalised) email address, as <see cref="HeldRecord"/>s.</summary>
internal static class PersonRecords
{
    public static async Task<PersonData> GatherAsync(EventHubDbContext db, string address, DateTime nowUtc, CancellationToken ct)
    {
        var records = new List<HeldRecord>();
        var events = db.Events.AsNoTracking();

        var bookings = await db.Set<Booking>().AsNoTracking().Where(b => b.NormalisedEmail == address)
            .Join(events, b => b.EventId, e => e.Id, (b, e) => new { Booking = b, e.Title, e.TimeZoneId, Ticket = b.TicketType != null ? b.TicketType.Name : null })
            .OrderBy(x => x.Booking.CreatedUtc).ToListAsync(ct);
        var bookingIds = bookings.Select(b => b.Booking.Id).ToList();
        var answers = await db.Set<BookingAnswer>().AsNoTracking().Where(a => bookingIds.Contains(a.BookingId))
            .Join(db.Set<RegistrationQuestion>(), a => a.QuestionId, q => q.Id, (a, q) => new { a.BookingId, q.Text, a.Value }).ToListAsync(ct);
        var checkIns = await db.Set<CheckInRecord>().AsNoTracking().Where(c => bookingIds.Contains(c.BookingId))
            .Select(c => new { c.BookingId, c.CheckedInUtc }).ToListAsync(ct);
        foreach (var x in bookings)
        {
            var b = x.Booking;
            var details = new List<KeyValuePair<string, string>>
            {
                new("Reference", b.Reference), new("Name", b.Name), new("Email", b.Email), new("Organisation", b.Organisation),
                new("Job title", b.JobTitle), new("Status", b.Status.ToString()), new("Ticket type", x.Ticket ?? "Standard"),
                new("Dietary needs", b.DietaryNeeds), new("Access needs", b.AccessNeeds),
            };
            details.AddRange(answers.Where(a => a.BookingId == b.Id).Select(a => new KeyValuePair<string, string>(a.Text, a.Value)));
            if (checkIns.FirstOrDefault(c => c.BookingId == b.Id) is { } checkIn)
            {
                details.Add(new("Checked in", Common.EventTime.FormatDateTime(checkIn.CheckedInUtc, x.TimeZoneId)));
            }

            records.Add(new HeldRecord("Booking", x.Title, b.CreatedUtc, x.TimeZoneId, details));
        }

        var subscriptions = await db.Set<ListSubscription>().AsNoTracking().Where(s => s.Email == address)
            .Select(s => new { s.Name, s.Email, s.Status, s.CreatedUtc, Series = s.Series!.Name }).ToListAsync(ct);
        records.AddRange(subscriptions.Select(s => new HeldRecord("Mailing list", s.Series, s.CreatedUtc, null,
            [new("Name", s.Name), new("Email", s.Email), new("Status", s.Status.ToString())])));

        var voters = await db.Set<PollVoter>().AsNoTracking().Where(v => v.Email == address)
            .Join(db.Set<Poll>(), v => v.PollId, p => p.Id, (v, p) => new { v.Id, v.Name, v.Email, v.Pending, v.CreatedUtc, p.Title, p.TimeZoneId }).ToListAsync(ct);
        var voterIds = voters.Select(v => v.Id).ToList();
        var votes = await db.Set<PollVote>().AsNoTracking().Where(v => voterIds.Contains(v.VoterId))
            .Join(db.Set<PollOption>(), v => v.OptionId, o => o.Id, (v, o) => new { v.VoterId, o.StartUtc, v.Answer }).ToListAsync(ct);
        foreach (var v in voters)
        {
            var details = new List<KeyValuePair<string, string>>
            {
                new("Name", v.Name), new("Email", v.Email ?? string.Empty),
                new("Confirmed", v.Pending ? "No: waiting for the confirm link, not counted" : "Yes"),
            };
            details.AddRange(votes.Where(x => x.VoterId == v.Id).OrderBy(x => x.StartUtc)
                .Select(x => new KeyValuePair<string, string>(Common.EventTime.FormatDateTime(x.StartUtc, v.TimeZoneId), x.Answer.ToString())));
            records.Add(new HeldRecord("Poll answers", v.Title, v.CreatedUtc, v.TimeZoneId, details));
        }

        var marks = await db.Set<InterestMark>().AsNoTracking().Where(i => i.Email == address)
            .Join(db.Sessions, i => i.SessionId, s => s.Id, (i, s) => new { i.Name, i.Email, i.CreatedUtc, s.Title, Event = s.Event!.Title, s.Event.TimeZoneId })
            .ToListAsync(ct);
        records.AddRange(marks.Select(m => new HeldRecord("Interest in a session", m.Event, m.CreatedUtc, m.TimeZoneId,
            [new("Session", m.Title), new("Name", m.Name), new("Email", m.Email)])));

        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => p.ConvenerEmail == address)
            .Join(events, p => p.EventId, e => e.Id, (p, e) => new { p.Title, p.ConvenerName, p.ConvenerEmail, p.ProposedBy, p.CreatedUtc, Event = e.Title, e.TimeZoneId })
            .ToListAsync(ct);
        records.AddRange(proposals.Select(p => new HeldRecord("Session proposal", p.Event, p.CreatedUtc, p.TimeZoneId,
            [new("Title", p.Title), new("Convener", p.ConvenerName), new("Email", p.ConvenerEmail ?? string.Empty), new("Proposed by", p.ProposedBy)])));

        var names = bookings.Select(b => new { b.Booking.EventId, Name = b.Booking.Name.ToLower() }).ToList();
        var eventIds = names.Select(n => n.EventId).Distinct().ToList();
        var writeUps = (await db.Set<WriteUp>().AsNoTracking().Where(w => eventIds.Contains(w.EventId))
            .Join(events, w => w.EventId, e => e.Id, (w, e) => new { w.EventId, w.AuthorName, w.Text, w.Url, w.CreatedUtc, Event = e.Title, e.TimeZoneId })
            .ToListAsync(ct))
            .Where(w => names.Any(n => n.EventId == w.EventId && n.Name == w.AuthorName.ToLowerInvariant()));
        records.AddRange(writeUps.Select(w => new HeldRecord("Write-up", w.Event, w.CreatedUtc, w.TimeZoneId,
            [new("Author", w.AuthorName), new("Text", w.Text), new("Link", w.Url)])));

        var grants = await db.Set<PriorityGrant>().AsNoTracking().Where(g => g.Email == address)
            .Join(events, g => g.EventId, e => e.Id, (g, e) => new { g.Reason, g.CreatedUtc, e.Title, e.TimeZoneId }).ToListAsync(ct);
        records.AddRange(grants.Select(g => new HeldRecord("Priority booking link", g.Title, g.CreatedUtc, g.TimeZoneId,
            [new("Email", address), new("Why", g.Reason.ToString())])));

        var mail = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ToEmail.ToLower() == address)
            .OrderBy(m => m.CreatedUtc).Select(m => new { m.ToName, m.ToEmail, m.Subject, m.Template, m.Status, m.CreatedUtc }).ToListAsync(ct);
        records.AddRange(mail.Select(m => new HeldRecord("Email sent", m.Subject ?? m.Template, m.CreatedUtc, null,
            [new("To", $"{m.ToName} <{m.ToEmail}>"), new("Status", m.Status.ToString())])));

        return new PersonData(address, nowUtc, records);
    }
}
