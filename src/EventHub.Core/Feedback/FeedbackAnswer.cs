using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Feedback;

/// <summary>
/// One answer to an organiser's question, part of an anonymous <see cref="FeedbackResponse"/>: a score, a choice or a
/// text. The text follows the event's personal-data retention; the score and the choice stay.
/// </summary>
public sealed class FeedbackAnswer
{
    public int Id { get; set; }

    public int ResponseId { get; set; }

    public FeedbackResponse? Response { get; set; }

    public int QuestionId { get; set; }

    public FeedbackQuestion? Question { get; set; }

    /// <summary>1 to 5 for a <see cref="FeedbackQuestionKind.Rating"/> question; null for text.</summary>
    public int? Rating { get; set; }

    /// <summary>The option chosen (1 is the first; the form posts its words, see <see cref="FeedbackRules.Choice"/>) for a <see cref="FeedbackQuestionKind.SingleChoice"/> question; null otherwise.</summary>
    public int? Choice { get; set; }

    public string Text { get; set; } = string.Empty;
}

internal sealed class FeedbackAnswerConfiguration : IEntityTypeConfiguration<FeedbackAnswer>
{
    public void Configure(EntityTypeBuilder<FeedbackAnswer> builder)
    {
        builder.ToTable("FeedbackAnswers");
        builder.Property(a => a.Text).HasMaxLength(FeedbackRules.MaxTextLength);
        builder.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
        builder.HasIndex(a => a.QuestionId);
        builder.HasOne(a => a.Response).WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
