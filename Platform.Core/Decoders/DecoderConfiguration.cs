using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Tenancy;

namespace Platform.Core.Decoders;

/// <summary>
/// Decoders and their versions are small, rarely written and read by every decoding; library rows
/// (tenant_id NULL) are shared by all tenants. That is why their key is the id alone, not
/// (tenant_id, id): under Citus they are reference tables, copied to every node, not distributed.
/// </summary>
internal sealed class DecoderConfiguration : IEntityTypeConfiguration<Decoder>
{
    public void Configure(EntityTypeBuilder<Decoder> builder)
    {
        builder.HasKey(decoder => decoder.Id);
        builder.Property(decoder => decoder.Name).HasMaxLength(Decoder.MaxNameLength);
        builder.Property(decoder => decoder.Description).HasMaxLength(Decoder.MaxDescriptionLength);
        // One name per tenant, and one per library (NULLS NOT DISTINCT).
        builder.HasIndex(decoder => new { decoder.TenantId, decoder.Name }).IsUnique().AreNullsDistinct(false);
        builder.Ignore(decoder => decoder.IsLibrary);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(decoder => decoder.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<DecoderVersion>().WithOne().HasForeignKey(version => version.DecoderId).OnDelete(DeleteBehavior.Cascade);
    }
}
