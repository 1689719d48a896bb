using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Ingestion;

namespace Platform.Core.Uplinks;

internal sealed class RejectedUplinkConfiguration : IEntityTypeConfiguration<RejectedUplink>
{
    public void Configure(EntityTypeBuilder<RejectedUplink> builder)
    {
        builder.HasKey(rejected => rejected.Id);
        // A tenant's list, newest first; platform admins list the tenant-less ones.
        builder.HasIndex(rejected => new { rejected.TenantId, rejected.ReceivedAt, rejected.Id });
        builder.Property(rejected => rejected.Topic).HasMaxLength(UplinkRejection.MaxTopicLength);
        builder.Property(rejected => rejected.Detail).HasMaxLength(UplinkRejection.MaxDetailLength);
        builder.Property(rejected => rejected.Reason).HasConversion<string>().HasMaxLength(40);
        builder.Property(rejected => rejected.MessageFormat).HasConversion<string>().HasMaxLength(20);
        builder.Property(rejected => rejected.StoredAt).HasDefaultValueSql("now()");
        builder.Ignore(rejected => rejected.IsTruncated);
    }
}
