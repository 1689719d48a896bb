using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(auditEvent => auditEvent.Sequence);
        builder.Property(auditEvent => auditEvent.Sequence).UseIdentityAlwaysColumn();
        builder.HasIndex(auditEvent => auditEvent.Id).IsUnique();
        builder.HasIndex(auditEvent => new { auditEvent.TenantId, auditEvent.Sequence });
        builder.HasIndex(auditEvent => new { auditEvent.TenantId, auditEvent.Action, auditEvent.OccurredAt });
        builder.Property(auditEvent => auditEvent.ActorType).HasConversion<string>().HasMaxLength(20);
        builder.Property(auditEvent => auditEvent.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(auditEvent => auditEvent.ActorTokenId).HasMaxLength(32);
        builder.Property(auditEvent => auditEvent.Action).HasMaxLength(100);
        builder.Property(auditEvent => auditEvent.TargetType).HasMaxLength(50);
        builder.Property(auditEvent => auditEvent.TargetId).HasMaxLength(100);
        // Text, not jsonb: jsonb reorders keys, and the hash covers the exact stored text.
        builder.Property(auditEvent => auditEvent.Before).HasColumnType("text");
        builder.Property(auditEvent => auditEvent.After).HasColumnType("text");
        builder.Property(auditEvent => auditEvent.ClientAddress).HasMaxLength(64);
    }
}
