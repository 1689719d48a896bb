using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Api.Problems;

namespace Platform.Tests.Problems;

/// <summary>Which failures are the database being briefly away (503, try again), and which are not (500).</summary>
public sealed class DatabaseUnavailableExceptionHandlerTests
{
    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "server shut down (57P01)", new PostgresException("terminating connection", "FATAL", "FATAL", "57P01"), true },
        { "cannot connect now (57P03)", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"), true },
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "wrapped by EF Core", new DbUpdateException("save failed", new NpgsqlException("broken", new IOException("reset"))), true },
        { "unique violation (23505)", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"), false },
        { "a bug", new InvalidOperationException("not the database"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void OnlyTransientDatabaseFailuresCountAsTheDatabaseBeingAway(string failure, Exception exception, bool transient)
    {
        Assert.True(DatabaseUnavailableExceptionHandler.IsTransientDatabaseFailure(exception) == transient, failure);
    }
}
