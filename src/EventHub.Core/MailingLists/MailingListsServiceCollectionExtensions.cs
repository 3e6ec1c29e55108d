using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.MailingLists.Emails;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.MailingLists;

public static class MailingListsServiceCollectionExtensions
{
    /// <summary>Series mailing lists and the priority links they hand out. Needs AddBookings().</summary>
    public static IServiceCollection AddMailingLists(this IServiceCollection services)
    {
        services.AddSingleton<MailingListService>();
        services.AddSingleton<ListPriority>();
        services.AddSingleton<IPriorityAccess>(provider => provider.GetRequiredService<ListPriority>());
        services.AddEmailTemplatesBeside<ListConfirmEmail>();
        return services;
    }
}
