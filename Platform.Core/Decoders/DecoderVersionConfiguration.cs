using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Decoders;

internal sealed class DecoderVersionConfiguration : IEntityTypeConfiguration<DecoderVersion>
{
    public void Configure(EntityTypeBuilder<DecoderVersion> builder)
    {
        builder.HasKey(version => new { version.DecoderId, version.Version });
        builder.HasAlternateKey(version => version.Id);
        builder.HasIndex(version => version.TenantId);
        builder.Property(version => version.Codec).HasConversion<string>().HasMaxLength(20);
        builder.Property(version => version.Script).HasMaxLength(DecoderVersion.MaxScriptLength);
        builder.Property(version => version.Notes).HasMaxLength(DecoderVersion.MaxNotesLength);
        // Versions never change, so the vectors are compared by reference.
        builder.Property(version => version.Vectors)
            .HasColumnType("jsonb")
            .HasConversion(
                vectors => JsonSerializer.Serialize(vectors, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<DecoderVector>>(json, JsonSerializerOptions.Web) ?? new List<DecoderVector>(),
                new ValueComparer<IReadOnlyList<DecoderVector>>(
                    (left, right) => ReferenceEquals(left, right),
                    vectors => vectors.Count,
                    vectors => vectors));
    }
}
