using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Identity;

namespace Platform.Core.Tenancy.Invitations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasKey(invitation => invitation.Id);
        builder.Property(invitation => invitation.Email).HasMaxLength(User.MaxEmailLength);
        builder.Property(invitation => invitation.DisplayName).HasMaxLength(User.MaxDisplayNameLength);
        builder.Property(invitation => invitation.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(invitation => invitation.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(invitation => invitation.TokenId).HasMaxLength(32);
        builder.Property(invitation => invitation.DeliveryFailure).HasMaxLength(40);
        builder.HasIndex(invitation => invitation.TokenId).IsUnique();
        // One open invitation per address and tenant: a second invite is a resend, not a second link.
        builder.HasIndex(invitation => new { invitation.TenantId, invitation.Email }).IsUnique().HasFilter("status = 'Open'");
        builder.HasIndex(invitation => new { invitation.TenantId, invitation.CreatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(invitation => invitation.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(invitation => invitation.InvitedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(invitation => invitation.AcceptedUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
