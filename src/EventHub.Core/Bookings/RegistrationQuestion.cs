using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Bookings;

/// <summary>A question the organiser asks everyone who books.</summary>
public sealed class RegistrationQuestion : IEventListItem
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public required string Text { get; set; }

    public string Hint { get; set; } = string.Empty;

    public QuestionKind Kind { get; set; }

    public bool Required { get; set; }

    /// <summary>Choices for single/multiple choice questions, one per line.</summary>
    public string Options { get; set; } = string.Empty;

    public int SortOrder { get; set; }

    /// <summary>No longer asked; answers already given are kept (and still exported).</summary>
    public bool Hidden { get; set; }

    public IReadOnlyList<string> OptionList =>
        Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class RegistrationQuestionConfiguration : IEntityTypeConfiguration<RegistrationQuestion>
{
    public void Configure(EntityTypeBuilder<RegistrationQuestion> builder)
    {
        builder.ToTable("RegistrationQuestions");
        builder.Property(q => q.Text).HasMaxLength(BookingRules.MaxQuestionLength);
        builder.Property(q => q.Hint).HasMaxLength(BookingRules.MaxQuestionLength);
        builder.Property(q => q.Options).HasMaxLength(BookingRules.MaxAnswerLength);
        builder.HasIndex(q => q.EventId);
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(q => q.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(q => q.OptionList);
    }
}
