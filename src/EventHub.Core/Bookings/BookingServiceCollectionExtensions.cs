using EventHub.Core.Bookings.Emails;
using EventHub.Core.Email;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Bookings;

public static class BookingServiceCollectionExtensions
{
    public static IServiceCollection AddBooking(this IServiceCollection services)
    {
        services.AddSingleton<BookingWriteGate>();
        // Features that hand out priority links register an IPriorityAccess each (AddPolls, AddMailingLists).
        services.AddSingleton<PriorityAccess>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<BookingAdminService>();
        services.AddSingleton<PublicBooking>();
        services.AddSingleton<WaitlistService>();
        services.AddHostedService<OfferExpiryWorker>();
        services.AddSingleton<Events.IEventChangeObserver, EventChangeMail>();
        services.AddEmailTemplatesBeside<BookingTemplate>();
        return services;
    }
}
