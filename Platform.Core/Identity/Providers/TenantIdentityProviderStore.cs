using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Core.Persistence;

namespace Platform.Core.Identity.Providers;

/// <summary>
/// The tenants' providers by exact issuer or id, before any tenant is known: through the database
/// functions of <see cref="IdentityProviderSql"/>, which return settings columns only. Row-level
/// security stays as it is for every other read.
/// </summary>
public sealed class TenantIdentityProviderStore(PlatformDbContext database) : ITenantIdentityProviderStore
{
    private const string Columns =
        "id, tenant_id, kind, issuer, client_id, client_secret_reference, audience, state, entra_directory_id";

    public async ValueTask<IReadOnlyList<OidcProviderSettings>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return await QueryAsync($"SELECT {Columns} FROM platform_identity_providers_by_issuer($1)", issuer, cancellationToken);
    }

    public async ValueTask<OidcProviderSettings?> FindByIdAsync(Guid providerId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM platform_identity_provider_by_id($1)", providerId, cancellationToken))
        .SingleOrDefault();

    private async Task<List<OidcProviderSettings>> QueryAsync(string sql, object argument, CancellationToken cancellationToken)
    {
        // Plain ADO on the context's connection: the function needs no data scope, and this way it
        // joins the caller's transaction when there is one.
        await database.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = database.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = database.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.Value = argument;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var providers = new List<OidcProviderSettings>();
            while (await reader.ReadAsync(cancellationToken))
            {
                providers.Add(Read(reader));
            }

            return providers;
        }
        finally
        {
            await database.Database.CloseConnectionAsync();
        }
    }

    private static OidcProviderSettings Read(DbDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        Enum.Parse<IdentityProviderKind>(reader.GetString(2)),
        reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetString(6),
        Enum.Parse<IdentityProviderState>(reader.GetString(7)),
        reader.IsDBNull(8) ? null : reader.GetString(8));
}
