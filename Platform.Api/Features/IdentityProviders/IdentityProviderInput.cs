using Microsoft.EntityFrameworkCore;
using Platform.Api.Problems;
using Platform.Core.Identity.Oidc;
using Platform.Core.Identity.Providers;
using Platform.Core.Persistence;

namespace Platform.Api.Features.IdentityProviders;

/// <summary>
/// The checks of provider settings that need more than their shape: the destination rule with the
/// operators' allow-list,
/// that the secret reference resolves (the answer names the field, never the value), and that the
/// rules' organizations are the tenant's.
/// </summary>
internal static class IdentityProviderInput
{
    public static async Task<IResult?> ProblemAsync(Guid tenantId, IdentityProviderConnection connection, SignInPolicy policy,
        PlatformDbContext database, SecretReferences secrets, ProviderAllowList allowedDestinations, CancellationToken ct,
        string? storedSecretReference = null)
    {
        if ((connection.Problem() ?? policy.Problem()) is { } problem)
        {
            return ApiProblems.Invalid(problem.Field, problem.Message);
        }

        // Early, naming the field; names that resolve to a forbidden address are stopped when connecting.
        if (ProviderDestinationRule.Refusal(new Uri(connection.Issuer), allowedDestinations) is { } refusal)
        {
            return ApiProblems.Invalid("issuer", refusal, ProviderFailure.DestinationNotAllowed);
        }

        // Checked when set or changed: renaming a provider must not fail because its secret was rotated out meanwhile.
        if (connection.ClientSecretReference is { } reference && reference != storedSecretReference
            && secrets.Problem(reference, tenantId) is { } secretProblem)
        {
            return ApiProblems.Invalid("clientSecretReference", secretProblem);
        }

        var organizations = policy.MappingRules.Where(rule => rule.OrganizationId is not null)
            .Select(rule => rule.OrganizationId!.Value).Distinct().ToList();
        // The tenant filter limits this to the route's tenant: another tenant's organization is unknown here.
        var known = await database.Organizations.Where(organization => organizations.Contains(organization.Id))
            .Select(organization => organization.Id).ToListAsync(ct);
        for (var i = 0; i < policy.MappingRules.Count; i++)
        {
            if (policy.MappingRules[i].OrganizationId is { } organization && !known.Contains(organization))
            {
                return ApiProblems.Invalid($"mappingRules[{i}]", "No such organization in this tenant.");
            }
        }

        return null;
    }

    public static Task<bool> IssuerTakenAsync(PlatformDbContext database, string issuer, Guid? exceptProviderId, CancellationToken ct) =>
        database.IdentityProviders.AnyAsync(provider => provider.Issuer == issuer && provider.Id != exceptProviderId, ct);

    public static IResult IssuerConflict() => ApiProblems.Conflict("The tenant already has a provider with this issuer.");
}
