using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Feedback;

/// <summary>A question the organisers add to an event's feedback form, after the overall score and the two texts.</summary>
public sealed class FeedbackQuestion
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public string Text { get; set; } = string.Empty;

    public FeedbackQuestionKind Kind { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The choices of a <see cref="FeedbackQuestionKind.SingleChoice"/> question, one per line; empty otherwise.</summary>
    public string Options { get; set; } = string.Empty;

    public IReadOnlyList<string> OptionList => FeedbackRules.SplitOptions(Options);
}

internal sealed class FeedbackQuestionConfiguration : IEntityTypeConfiguration<FeedbackQuestion>
{
    public void Configure(EntityTypeBuilder<FeedbackQuestion> builder)
    {
        builder.ToTable("FeedbackQuestions");
        builder.Property(q => q.Text).HasMaxLength(FeedbackRules.MaxQuestionLength);
        builder.Property(q => q.Options).HasMaxLength(FeedbackRules.MaxOptionsLength);
        builder.Ignore(q => q.OptionList);
        builder.HasIndex(q => new { q.EventId, q.SortOrder });
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(q => q.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
