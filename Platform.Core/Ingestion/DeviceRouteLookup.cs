using Npgsql;
using Platform.Core.Devices;

namespace Platform.Core.Ingestion;

/// <summary>
/// Finds the devices registered with a DevEUI in any tenant. This is the ingestion's one
/// cross-tenant read, and it goes through a database function that returns only routing columns
/// (tenant, device, binding), never a tenant's other data.
/// </summary>
public sealed class DeviceRouteLookup(NpgsqlDataSource database) : IDeviceRouteSource
{
    public async ValueTask<IReadOnlyList<DeviceRoute>> FindAsync(DevEui devEui, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT tenant_id, device_id, network_server_kind, application_id FROM platform_device_routes($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = devEui.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var routes = new List<DeviceRoute>(1);
        while (await reader.ReadAsync(cancellationToken))
        {
            routes.Add(new DeviceRoute(reader.GetGuid(0), reader.GetGuid(1),
                new NetworkServerBinding(Enum.Parse<NetworkServerKind>(reader.GetString(2)), reader.GetString(3))));
        }

        return routes;
    }
}
