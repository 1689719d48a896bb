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
        // The default keeps raw inserts of people (seeders, older code) valid without naming the kind.
        builder.Property(user => user.Kind).HasConversion<string>().HasMaxLength(20).HasDefaultValue(UserKind.Person);
        builder.Property(user => user.PlatformRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(user => user.PasswordHash).HasMaxLength(200);
        builder.Ignore(user => user.IsEmailVerified);
    }
}
