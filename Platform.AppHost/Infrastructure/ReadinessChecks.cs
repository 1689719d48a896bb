using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RabbitMQ.Client;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Health checks the AppHost runs against local-mode servers, so that services start only once a
/// server accepts its clients' credentials, not merely once its process exists.
/// </summary>
internal static class ReadinessChecks
{
    public static IHealthCheck Postgres(IResourceWithConnectionString ownerConnection) =>
        new DelegateCheck(async cancellationToken =>
        {
            var connectionString = await ownerConnection.GetConnectionStringAsync(cancellationToken);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
        });

    public static IHealthCheck RabbitMq(IResourceWithConnectionString eventBus) =>
        new DelegateCheck(async cancellationToken =>
        {
            var connectionString = await eventBus.GetConnectionStringAsync(cancellationToken);
            var factory = new ConnectionFactory { Uri = new Uri(connectionString!) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        });

    public static IHealthCheck TcpPort(int port) =>
        new DelegateCheck(async cancellationToken =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        });

    private sealed class DelegateCheck(Func<CancellationToken, Task> probe) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            try
            {
                await probe(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The message only: exceptions of these clients never carry the password.
                return HealthCheckResult.Unhealthy(exception.GetType().Name + ": " + exception.Message);
            }
        }
    }
}
