using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Feedback;

/// <summary>
/// One person's answers about an event, kept apart from who gave them (<see cref="FeedbackGiven"/> marks that a
/// booking has answered), so the organisers' results are anonymous. The free text follows the event's personal-data
/// retention; the score stays for the figures.
/// </summary>
public sealed class FeedbackResponse
{
    public int Id { get; set; }

    public int EventId { get; set; }

    /// <summary>Overall, 1 (poor) to 5 (excellent).</summary>
    public int Score { get; set; }

    public string WhatWorked { get; set; } = string.Empty;

    public string WhatToChange { get; set; } = string.Empty;
}

internal sealed class FeedbackResponseConfiguration : IEntityTypeConfiguration<FeedbackResponse>
{
    public void Configure(EntityTypeBuilder<FeedbackResponse> builder)
    {
        builder.ToTable("FeedbackResponses");
        builder.Property(r => r.WhatWorked).HasMaxLength(FeedbackRules.MaxTextLength);
        builder.Property(r => r.WhatToChange).HasMaxLength(FeedbackRules.MaxTextLength);
        builder.HasIndex(r => r.EventId);
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
