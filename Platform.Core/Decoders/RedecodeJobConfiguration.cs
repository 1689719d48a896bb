using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Tenancy;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Core.Decoders;

internal sealed class RedecodeJobConfiguration : IEntityTypeConfiguration<RedecodeJob>
{
    public void Configure(EntityTypeBuilder<RedecodeJob> builder)
    {
        builder.HasKey(job => new { job.TenantId, job.Id });
        // "from" and "to" are SQL keywords; the workers' hand-written SQL reads these columns.
        builder.Property(job => job.From).HasColumnName("range_from");
        builder.Property(job => job.To).HasColumnName("range_to");
        builder.Property(job => job.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(job => job.Cursor).HasMaxLength(UplinkParser.MaxDeduplicationKeyLength + 100);
        builder.Property(job => job.Error).HasMaxLength(1_000);
        // Workers look for work across tenants by status.
        builder.HasIndex(job => new { job.Status, job.CreatedAt });
        builder.HasIndex(job => new { job.TenantId, job.DecoderId, job.CreatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(job => job.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
