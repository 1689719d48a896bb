using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Core.Persistence;

/// <summary>
/// Brings the schema up to date as the database owner, then makes sure the services' role exists
/// with the password it is given and exactly the rights the services need. The services' role owns
/// nothing: it cannot ALTER or DROP, and row-level security (which does not bind a table's owner)
/// applies to it.
/// </summary>
public sealed partial class DatabaseMigrator(PlatformDbContext ownerContext, ILogger<DatabaseMigrator> logger)
{
    // Tables the services may read but never change (the migration history), and append-only ones
    // they may read and add to but never UPDATE or DELETE (the audit log).
    private static readonly string[] ReadOnlyTables = ["__EFMigrationsHistory"];
    private static readonly string[] AppendOnlyTables = ["audit_events"];

    // Functions whose EXECUTE the migrations revoke from PUBLIC (they run as the owner and do one
    // narrow thing); the services' role is the one caller. Granted here because the role is only
    // known, and on a fresh database only exists, after the migrations.
    private static readonly string[] ApplicationFunctions =
        [
            Identity.ApiTokenTouchSql.FunctionSignature,
            Measurements.MonthPartitionFunctionSql.FunctionSignature,
            .. Identity.Providers.IdentityProviderSql.Functions,
            Devices.Claims.ApplicationClaimSql.FunctionSignature,
        ];

    public async Task MigrateAsync(string applicationConnectionString, CancellationToken cancellationToken)
    {
        var applicationRole = new NpgsqlConnectionStringBuilder(applicationConnectionString);
        if (string.IsNullOrEmpty(applicationRole.Username) || string.IsNullOrEmpty(applicationRole.Password))
        {
            throw new InvalidOperationException("The services' connection string must name a user and a password.");
        }

        // Created up front: EF otherwise discovers a missing history table by a failing query that it
        // logs as an error, on every first migration.
        await ownerContext.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await ownerContext.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        LogMigrating(logger, pending.Count);
        await ownerContext.Database.MigrateAsync(cancellationToken);

        await EnsureApplicationRoleAsync(applicationRole.Username, applicationRole.Password, cancellationToken);
        LogApplicationRoleReady(logger, applicationRole.Username);
    }

    private async Task EnsureApplicationRoleAsync(string role, string password, CancellationToken cancellationToken)
    {
        // Role and password travel as settings of the session and are quoted by the server (format
        // %I/%L), so neither is ever spliced into SQL text on this side.
        const string sql = """
            SELECT set_config('platform.app_role', @role, false),
                   set_config('platform.app_password', @password, false),
                   set_config('platform.read_only_tables', @readOnlyTables, false),
                   set_config('platform.append_only_tables', @appendOnlyTables, false),
                   set_config('platform.app_functions', @appFunctions, false);
            DO $$
            DECLARE
                app_role text := current_setting('platform.app_role');
                read_only text;
                app_function text;
            BEGIN
                -- A new role is NOSUPERUSER and NOBYPASSRLS by default; only a superuser could set either,
                -- so those attributes are not (and cannot be) touched here.
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app_role) THEN
                    EXECUTE format('CREATE ROLE %I', app_role);
                END IF;
                EXECUTE format('ALTER ROLE %I WITH LOGIN NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD %L',
                    app_role, current_setting('platform.app_password'));
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app_role);
                EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
                EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', app_role);
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
                EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
                FOREACH read_only IN ARRAY string_to_array(current_setting('platform.read_only_tables'), ',') LOOP
                    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I FROM %I', read_only, app_role);
                END LOOP;
                FOREACH read_only IN ARRAY string_to_array(current_setting('platform.append_only_tables'), ',') LOOP
                    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM %I', read_only, app_role);
                END LOOP;
                -- regprocedure both checks that the function exists and quotes its name.
                FOREACH app_function IN ARRAY string_to_array(current_setting('platform.app_functions'), ';') LOOP
                    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', app_function::regprocedure, app_role);
                END LOOP;
            END
            $$;
            SELECT set_config('platform.app_password', '', false);
            """;

        var connection = (NpgsqlConnection)ownerContext.Database.GetDbConnection();
        await ownerContext.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("role", role);
            command.Parameters.AddWithValue("password", password);
            command.Parameters.AddWithValue("readOnlyTables", string.Join(',', ReadOnlyTables));
            command.Parameters.AddWithValue("appendOnlyTables", string.Join(',', AppendOnlyTables));
            command.Parameters.AddWithValue("appFunctions", string.Join(';', ApplicationFunctions));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await ownerContext.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {PendingCount} pending migration(s) as the database owner")]
    private static partial void LogMigrating(ILogger logger, int pendingCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Services' database role {Role} is ready with least privilege")]
    private static partial void LogApplicationRoleReady(ILogger logger, string role);
}
