using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Identity;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasKey(user => user.Id);
        builder.Property(user => user.Email).HasMaxLength(User.MaxEmailLength);
        builder.HasIndex(user => user.Email).IsUnique();
        builder.Property(user => user.DisplayName).HasMaxLength(User.MaxDisplayNameLength);
        builder.Property(user => user.PlatformRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(user => user.PasswordHash).HasMaxLength(200);
    }
}
