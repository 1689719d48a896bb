using System.Net.Sockets;
using Npgsql;
using Platform.Core.Devices;
using Platform.Core.Ingestion;
using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Tests.Ingestion;

/// <summary>
/// The admission with a device registry that fails: a fault of the message becomes that message's
/// stored rejection, a failure of the infrastructure is thrown for the pipeline to wait out.
/// </summary>
public sealed class UplinkAdmissionFaultTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly HostileUplinkTargets Targets = new(
        ChirpStackApplicationId: new Guid("6f1d3c2a-0b7e-4c59-9a41-2e8d5f0c7b13"),
        RegisteredChirpStackDevEui: "a84041000181c0d1",
        TtsApplicationId: "fault-corpus@acme",
        TtsDeviceId: "corpus-device-01",
        RegisteredTtsDevEui: "a84041000181c0d2",
        UnregisteredDevEui: "a84041000181dead",
        OtherChirpStackApplicationId: new Guid("0c9e7a55-3d21-4f8b-b6e0-94a1c3d7e2f8"));

    private static readonly Dictionary<string, Func<Exception>> MessageFaults = new()
    {
        ["a null reference"] = () => new NullReferenceException(),
        ["an invalid operation"] = () => new InvalidOperationException("Sequence contains more than one element"),
        ["an argument out of range"] = () => new ArgumentOutOfRangeException("index"),
        ["PostgreSQL refusing a value (22021)"] = () => new PostgresException("invalid byte sequence", "ERROR", "ERROR", "22021"),
    };

    private static readonly Dictionary<string, Func<Exception>> InfrastructureFailures = new()
    {
        ["a connection refused"] = () => new NpgsqlException("Failed to connect", new SocketException(111)),
        ["PostgreSQL shutting down (57P01)"] = () => new PostgresException("terminating connection", "FATAL", "FATAL", "57P01"),
        ["a timeout"] = () => new TimeoutException(),
    };

    private static readonly IReadOnlyList<UplinkMutation> Unstorable = HostileUplinks.Mutations(Targets, Now)
        .Where(mutation => mutation.Kind == UplinkMutationKind.UnstorableText).ToList();

    public static TheoryData<string> MessageFaultNames() => new(MessageFaults.Keys);

    public static TheoryData<string> InfrastructureFailureNames() => new(InfrastructureFailures.Keys);

    public static TheoryData<string> UnstorableNames() => new(Unstorable.Select(mutation => mutation.Name));

    [Theory]
    [MemberData(nameof(MessageFaultNames))]
    public async Task AMessagesOwnFaultBecomesItsRejectionAsAnInternalError(string name)
    {
        var fault = MessageFaults[name]();
        var admission = new UplinkAdmission(new FailingRoutes(fault));
        var (topic, message) = ValidChirpStack();

        var result = await admission.AdmitAsync(topic, message, Now, null, TestContext.Current.CancellationToken);

        Assert.Null(result.Admitted);
        var rejection = Assert.IsType<UplinkRejection>(result.Rejection);
        Assert.Equal(UplinkRejectionReason.InternalError, rejection.Reason);
        Assert.Equal(message, rejection.Message);
        Assert.Same(fault, result.Fault);
        Assert.DoesNotContain(fault.GetType().Name, rejection.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InfrastructureFailureNames))]
    public async Task AFailureOfTheInfrastructureIsThrownToBeRetried(string name)
    {
        var failure = InfrastructureFailures[name]();
        var admission = new UplinkAdmission(new FailingRoutes(failure));
        var (topic, message) = ValidChirpStack();

        var thrown = await Assert.ThrowsAnyAsync<Exception>(
            async () => await admission.AdmitAsync(topic, message, Now, null, TestContext.Current.CancellationToken));

        Assert.Same(failure, thrown);
    }

    [Theory]
    [MemberData(nameof(UnstorableNames))]
    public async Task TextPostgreSqlCannotStoreBecomesAStorableRejection(string name)
    {
        var mutation = Unstorable.Single(candidate => candidate.Name == name);
        var admission = new UplinkAdmission(new FailingRoutes(null));

        var result = await admission.AdmitAsync(mutation.Topic, mutation.Message, Now, null, TestContext.Current.CancellationToken);

        var rejection = Assert.IsType<UplinkRejection>(result.Rejection);
        Assert.Equal(UplinkRejectionReason.InvalidField, rejection.Reason);
        Assert.Contains(mutation.Path, rejection.Detail, StringComparison.Ordinal);
        Assert.True(StorableText.IsStorable(rejection.Detail) && StorableText.IsStorable(rejection.Topic), rejection.Detail);
    }

    [Theory]
    [InlineData("application/\0/device/a84041000181c0d1/event/up")]
    [InlineData("v3/app\ud800/devices/device/up")]
    [InlineData("v3/app/devices/device/up\udc00")]
    public async Task ARejectedTopicIsStoredWithoutWhatPostgreSqlCannotHold(string topic)
    {
        var admission = new UplinkAdmission(new FailingRoutes(null));

        var result = await admission.AdmitAsync(topic, "{}"u8.ToArray(), Now, null, TestContext.Current.CancellationToken);

        var rejection = Assert.IsType<UplinkRejection>(result.Rejection);
        Assert.True(StorableText.IsStorable(rejection.Topic));
        Assert.True(StorableText.IsStorable(rejection.Detail));
    }

    private static (string Topic, byte[] Message) ValidChirpStack()
    {
        var (topic, message, _) = NetworkServerClient.ChirpStack(Targets.ChirpStackApplicationId, Targets.RegisteredChirpStackDevEui, 1, [0x01], Now);
        return (topic, message);
    }

    /// <summary>A device registry that throws <paramref name="failure"/>, or knows no device when it is null.</summary>
    private sealed class FailingRoutes(Exception? failure) : IDeviceRouteSource
    {
        public ValueTask<IReadOnlyList<DeviceRoute>> FindAsync(DevEui devEui, CancellationToken cancellationToken) =>
            failure is null ? ValueTask.FromResult<IReadOnlyList<DeviceRoute>>([]) : ValueTask.FromException<IReadOnlyList<DeviceRoute>>(failure);
    }
}
