using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Polls;

/// <summary>One candidate date and time.</summary>
public sealed class PollOption
{
    public int Id { get; set; }

    public int PollId { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    /// <summary>Counts kept when personal data is deleted (zero until then).</summary>
    public int KeptYesCount { get; set; }

    public int KeptIfNeedBeCount { get; set; }

    public int KeptNoCount { get; set; }
}

internal sealed class PollOptionConfiguration : IEntityTypeConfiguration<PollOption>
{
    public void Configure(EntityTypeBuilder<PollOption> builder)
    {
        builder.ToTable("PollOptions");
        builder.HasIndex(o => new { o.PollId, o.StartUtc });
    }
}
