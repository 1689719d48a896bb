using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Audit;
using Platform.Core.Decoders;
using Platform.Core.Devices;
using Platform.Core.Identity;
using Platform.Core.Identity.Oidc;
using Platform.Core.Identity.Providers;
using Platform.Core.Identity.Mfa;
using Platform.Core.Measurements;
using Platform.Core.Organizations;
using Platform.Core.Tenancy;
using Platform.Core.Tenancy.Invitations;
using Platform.Core.Uplinks;

namespace Platform.Core.Persistence;

public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, DataScope scope) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Which rows this unit of work may touch; the database session follows it.</summary>
    public DataScope Scope { get; } = scope;

    /// <summary>The <see cref="DataScope.Version"/> last applied to the open connection, or -1.</summary>
    internal int AppliedScopeVersion { get; set; } = -1;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ServiceAccount> ServiceAccounts => Set<ServiceAccount>();
    public DbSet<ExternalIdentity> ExternalIdentities => Set<ExternalIdentity>();
    public DbSet<OidcSignInAttempt> OidcSignInAttempts => Set<OidcSignInAttempt>();
    public DbSet<TenantIdentityProvider> IdentityProviders => Set<TenantIdentityProvider>();
    public DbSet<TotpAuthenticator> TotpAuthenticators => Set<TotpAuthenticator>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    /// <summary>The Data Protection key ring (TOTP secrets' encryption), shared by every API instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<TenantMembership> TenantMemberships => Set<TenantMembership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationGrant> OrganizationGrants => Set<OrganizationGrant>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<DeviceGrant> DeviceGrants => Set<DeviceGrant>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<RawUplink> RawUplinks => Set<RawUplink>();
    public DbSet<RejectedUplink> RejectedUplinks => Set<RejectedUplink>();
    public DbSet<Decoder> Decoders => Set<Decoder>();
    public DbSet<DecoderVersion> DecoderVersions => Set<DecoderVersion>();
    public DbSet<RedecodeJob> RedecodeJobs => Set<RedecodeJob>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<DeviceLatest> DeviceLatest => Set<DeviceLatest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        ApplyTenantFilters(modelBuilder);
    }

    /// <summary>
    /// The one place where tenant filtering is declared: every tenant-owned entity is limited to
    /// the scope's tenant (or all tenants in platform scope). Row-level security mirrors these rules.
    /// </summary>
    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(type => typeof(ITenantOwned).IsAssignableFrom(type.ClrType) && type.ClrType != typeof(TenantMembership)))
        {
            var row = Expression.Parameter(entityType.ClrType, "row");
            var tenantId = Expression.Property(row, nameof(ITenantOwned.TenantId));
            Expression<Func<Guid, bool>> rule = id => Scope.IsPlatform || id == Scope.TenantId;
            var body = new ReplaceParameter(rule.Parameters[0], tenantId).Visit(rule.Body);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(Expression.Lambda(body, row));
        }

        // A user also sees their own memberships in every tenant (to list "my tenants").
        modelBuilder.Entity<TenantMembership>().HasQueryFilter(membership =>
            Scope.IsPlatform || membership.TenantId == Scope.TenantId || membership.UserId == Scope.UserId);
        modelBuilder.Entity<Tenant>().HasQueryFilter(tenant =>
            Scope.IsPlatform || tenant.Id == Scope.TenantId
            || TenantMemberships.Any(membership => membership.TenantId == tenant.Id && membership.UserId == Scope.UserId));
        // A tenant provider's links are the tenant's; the platform provider's are their user's.
        modelBuilder.Entity<ExternalIdentity>().HasQueryFilter(identity =>
            Scope.IsPlatform || identity.TenantId == Scope.TenantId || (identity.TenantId == null && identity.UserId == Scope.UserId));
        modelBuilder.Entity<AuditEvent>().HasQueryFilter(auditEvent =>
            Scope.IsPlatform || (auditEvent.TenantId != null && auditEvent.TenantId == Scope.TenantId));
        // Library decoders (no tenant) are read by every tenant; RLS lets only the platform scope change them.
        modelBuilder.Entity<Decoder>().HasQueryFilter(decoder =>
            Scope.IsPlatform || decoder.TenantId == null || decoder.TenantId == Scope.TenantId);
        modelBuilder.Entity<DecoderVersion>().HasQueryFilter(version =>
            Scope.IsPlatform || version.TenantId == null || version.TenantId == Scope.TenantId);
        modelBuilder.Entity<RejectedUplink>().HasQueryFilter(rejected =>
            Scope.IsPlatform || (rejected.TenantId != null && rejected.TenantId == Scope.TenantId));
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
