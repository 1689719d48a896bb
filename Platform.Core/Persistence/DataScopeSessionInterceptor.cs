using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Platform.Core.Persistence;

/// <summary>
/// Brings the PostgreSQL session in line with the DbContext's <see cref="Tenancy.DataScope"/>
/// before each command, so row-level security sees the same tenant as EF's filters. Settings are
/// session-level and Npgsql resets them when the connection returns to the pool; a rollback also
/// undoes them, after which they are applied again.
/// </summary>
internal sealed class DataScopeSessionInterceptor : DbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly DataScopeSessionInterceptor Instance = new();

    private const string ApplyScopeSql =
        "SELECT set_config('platform.tenant_id', @tenant, false), set_config('platform.user_id', @user, false), " +
        "set_config('platform.scope', @scope, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Forget(eventData.Context);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Apply(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Apply(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Apply(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(command, eventData, cancellationToken);
        return result;
    }

    private static void Forget(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is PlatformDbContext platform)
        {
            platform.AppliedScopeVersion = -1;
        }
    }

    private static void Apply(DbCommand command, CommandEventData eventData)
    {
        if (CreateScopeCommand(command, eventData) is { } scopeCommand)
        {
            using (scopeCommand)
            {
                scopeCommand.Command.ExecuteNonQuery();
            }

            scopeCommand.Context.AppliedScopeVersion = scopeCommand.Context.Scope.Version;
        }
    }

    private static async Task ApplyAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (CreateScopeCommand(command, eventData) is { } scopeCommand)
        {
            using (scopeCommand)
            {
                await scopeCommand.Command.ExecuteNonQueryAsync(cancellationToken);
            }

            scopeCommand.Context.AppliedScopeVersion = scopeCommand.Context.Scope.Version;
        }
    }

    private static ScopeCommand? CreateScopeCommand(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is not PlatformDbContext context || context.AppliedScopeVersion == context.Scope.Version)
        {
            return null;
        }

        var scope = context.Scope;
        var scopeCommand = new NpgsqlCommand(ApplyScopeSql, (NpgsqlConnection)command.Connection!, (NpgsqlTransaction?)command.Transaction);
        scopeCommand.Parameters.AddWithValue("tenant", scope.TenantId?.ToString() ?? string.Empty);
        scopeCommand.Parameters.AddWithValue("user", scope.UserId?.ToString() ?? string.Empty);
        scopeCommand.Parameters.AddWithValue("scope", scope.IsPlatform ? "platform" : string.Empty);
        return new ScopeCommand(scopeCommand, context);
    }

    private sealed record ScopeCommand(NpgsqlCommand Command, PlatformDbContext Context) : IDisposable
    {
        public void Dispose() => Command.Dispose();
    }
}
