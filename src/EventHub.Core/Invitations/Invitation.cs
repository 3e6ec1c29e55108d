using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Invitations;

/// <summary>
/// An administrator's invitation to become an organiser, waiting for the person to set a password from the link in
/// their mail. Only the SHA-256 of the link's token is kept; re-sending replaces it (the old link stops at once), and
/// the row is deleted when the invitation is accepted or revoked. One invitation per address.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }

    public required string DisplayName { get; set; }

    public required string Email { get; set; }

    /// <summary>The address as <see cref="Common.EmailAddresses.Normalise"/> gives it: one invitation per address.</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>The site role the person gets: administrator, or organiser.</summary>
    public bool IsAdministrator { get; set; }

    public required string TokenHash { get; set; }

    public DateTime SentUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public string? InvitedById { get; set; }

    /// <summary>The administrator's name at the time, so the list still reads after their account is removed.</summary>
    public required string InvitedByName { get; set; }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("OrganiserInvitations");
        builder.Property(i => i.DisplayName).HasMaxLength(100);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.InvitedById).HasMaxLength(450);
        builder.Property(i => i.InvitedByName).HasMaxLength(200);
        builder.HasIndex(i => i.NormalizedEmail).IsUnique();
        builder.HasIndex(i => i.TokenHash).IsUnique();
    }
}
