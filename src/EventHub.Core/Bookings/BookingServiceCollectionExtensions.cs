using EventHub.Core.Common;
using EventHub.Core.Bookings.Emails;
using EventHub.Core.Email;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Bookings;

public static class BookingServiceCollectionExtensions
{
    public static IServiceCollection AddBookings(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>();
        services.AddSingleton<BookingWriteGate>();
        services.AddSingleton<BookingSetupCache>();
        // Features that hand out priority links register an IPriorityAccess each (AddPolls, AddMailingLists).
        services.AddSingleton<PriorityAccess>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<PublicBooking>();
        services.AddSingleton<EligibilityNotice>();
        services.AddSingleton<OnlinePlaces>();
        services.AddSingleton<AttendeeService>();
        services.AddSingleton<BookingMoveService>();
        services.AddSingleton<TicketTypeAdminService>();
        services.AddSingleton<QuestionAdminService>();
        services.AddSingleton<BookingSettingsService>();
        services.AddSingleton<BookingAuditLog>();
        services.AddSingleton<WaitlistService>();
        services.AddBackgroundJob<OfferExpiryWorker>();
        services.AddSingleton<Events.IEventChangeObserver, EventChangeMail>();
        services.AddSingleton<Events.IEditionCopyPart, BookingEditionCopy>();
        services.AddEmailTemplatesBeside<BookingTemplate>();
        return services;
    }
}
