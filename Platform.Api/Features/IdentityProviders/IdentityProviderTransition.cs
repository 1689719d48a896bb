using Platform.Api.Problems;
using Platform.Api.Tenancy;
using Platform.Core.Audit;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;

namespace Platform.Api.Features.IdentityProviders;

/// <summary>
/// One rollout step (enable, enforce, relax, disable): the entity decides whether the state allows it
/// (409 otherwise); the step and its audit record are committed together. Returns the problem to
/// answer, or null when the provider (changed or as it was) is to be sent back.
/// </summary>
internal static class IdentityProviderTransition
{
    public static async Task<(IResult? Problem, TenantIdentityProvider? Provider)> ApplyAsync(PlatformDbContext database, AuditLog audit,
        CurrentPrincipal principal, IdentityProviderRequest request, string action, Action<TenantIdentityProvider> step, CancellationToken ct)
    {
        var provider = await IdentityProviderLookup.FindAsync(database, request, tracked: true, ct);
        return provider is null
            ? (ApiProblems.NotFound("identity provider"), null)
            : (await ApplyAsync(database, audit, principal, provider, action, step, ct), provider);
    }

    public static async Task<IResult?> ApplyAsync(PlatformDbContext database, AuditLog audit, CurrentPrincipal principal,
        TenantIdentityProvider provider, string action, Action<TenantIdentityProvider> step, CancellationToken ct)
    {
        var before = IdentityProviderAudit.Snapshot(provider);
        var stateBefore = provider.State;
        var breakGlassBefore = provider.BreakGlassUserId;
        try
        {
            step(provider);
        }
        catch (IdentityProviderStateException exception)
        {
            return ApiProblems.Conflict(exception.Message);
        }

        // Asking for the state it is already in changes nothing and records nothing.
        if (provider.State != stateBefore || provider.BreakGlassUserId != breakGlassBefore)
        {
            await database.InTransactionAsync(async () =>
            {
                await IdentityProviderAudit.AppendAsync(audit, principal, provider, action, before, IdentityProviderAudit.Snapshot(provider), ct);
                return provider;
            }, ct);
        }

        return null;
    }
}
