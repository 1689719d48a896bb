using Npgsql;
using Platform.Core.Persistence;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Persistence;

/// <summary>
/// Functions that run as the schema owner (SECURITY DEFINER) reach past row-level security or run
/// DDL. Each must be the services' role's alone to call and run on a fixed search path; a new one
/// that forgets either fails here.
/// </summary>
[Collection(PlatformAppCollection.Name)]
public sealed class DefinerFunctionTests(PlatformAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOwnerFunctionIsTheServicesRolesAloneAndHasAFixedSearchPath()
    {
        await using var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(PersistenceExtensions.ConnectionName));
        await connection.OpenAsync(Ct);
        // An ACL entry "=X/owner" is PUBLIC's right to execute; no ACL at all means PUBLIC may too.
        await using var command = new NpgsqlCommand("""
            SELECT p.oid::regprocedure::text,
                   has_function_privilege(current_user, p.oid, 'EXECUTE'),
                   coalesce(array_to_string(p.proacl, ',') ~ '(^|,)=[^/]*X', true),
                   coalesce(array_to_string(p.proconfig, ',') ~ '(^|,)search_path=.*pg_temp$', false)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND p.prosecdef
            ORDER BY 1
            """, connection);
        var functions = new List<string>();
        var problems = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                var name = reader.GetString(0);
                functions.Add(name);
                problems.AddRange(new[]
                    {
                        (reader.GetBoolean(1), "the services' role may not call it"),
                        (!reader.GetBoolean(2), "PUBLIC may call it"),
                        (reader.GetBoolean(3), "no fixed search_path ending in pg_temp"),
                    }
                    .Where(check => !check.Item1)
                    .Select(check => $"{name}: {check.Item2}"));
            }
        }

        Assert.Contains("platform_ensure_month_partition(text,timestamp with time zone)", functions);
        Assert.Contains("platform_touch_api_token()", functions);
        Assert.Contains("platform_password_login_blocked(uuid)", functions);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
