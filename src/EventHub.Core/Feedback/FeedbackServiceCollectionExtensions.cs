using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>The after-the-day feedback form and its results. Needs AddBookings().</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddSingleton<FeedbackService>();
        services.AddSingleton<FeedbackQuestionService>();
        services.AddSingleton<Events.IEditionCopyPart, FeedbackEditionCopy>();
        return services;
    }
}
