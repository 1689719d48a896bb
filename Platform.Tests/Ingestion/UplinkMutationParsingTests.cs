using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Tests.Ingestion;

/// <summary>
/// Both recorded uplinks, mutated at every JSON path (<see cref="HostileUplinks.Mutations"/>): the
/// parser answers each with an uplink or a rejection whose reason and detail a tenant admin can act
/// on, and whose detail PostgreSQL can store. It never throws.
/// </summary>
public sealed class UplinkMutationParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyDictionary<string, UplinkMutation> Mutations = HostileUplinks.Mutations(new HostileUplinkTargets(
        ChirpStackApplicationId: new Guid("6f1d3c2a-0b7e-4c59-9a41-2e8d5f0c7b13"),
        RegisteredChirpStackDevEui: "a84041000181c0d1",
        TtsApplicationId: "mutation-corpus@acme",
        TtsDeviceId: "corpus-device-01",
        RegisteredTtsDevEui: "a84041000181c0d2",
        UnregisteredDevEui: "a84041000181dead",
        OtherChirpStackApplicationId: new Guid("0c9e7a55-3d21-4f8b-b6e0-94a1c3d7e2f8")), Now).ToDictionary(mutation => mutation.Name);

    public static TheoryData<string> NamesOf(UplinkMutationKind kind) =>
        new(Mutations.Values.Where(mutation => mutation.Kind == kind).Select(mutation => mutation.Name));

    [Theory]
    [MemberData(nameof(NamesOf), UplinkMutationKind.Shape)]
    public void AMissingNullOrReshapedFieldIsParsedOrRejectedWithAReasonNeverAnException(string name)
    {
        var mutation = Mutations[name];

        var result = UplinkParser.Parse(mutation.Topic, mutation.Message, Now);

        if (result.Uplink is null)
        {
            AssertRejectedUsefully(result);
            if (result.Reason is UplinkRejectionReason.MissingField or UplinkRejectionReason.InvalidField)
            {
                Assert.StartsWith("$.", result.Detail, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(NamesOf), UplinkMutationKind.UnstorableText)]
    public void TextPostgreSqlCannotStoreIsRejectedNamingItsField(string name)
    {
        var mutation = Mutations[name];

        var result = UplinkParser.Parse(mutation.Topic, mutation.Message, Now);

        Assert.Equal(UplinkRejectionReason.InvalidField, result.Reason);
        AssertRejectedUsefully(result);
        Assert.Contains(mutation.Path, result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NamesOf), UplinkMutationKind.NumberAsString)]
    public void ANumberGivenAsAStringIsRejectedNamingItsField(string name)
    {
        var mutation = Mutations[name];

        var result = UplinkParser.Parse(mutation.Topic, mutation.Message, Now);

        Assert.Equal(UplinkRejectionReason.InvalidField, result.Reason);
        AssertRejectedUsefully(result);
        Assert.Contains(mutation.Path, result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NamesOf), UplinkMutationKind.TimeWithoutOffset)]
    public void ATimeWithoutItsOffsetIsRejectedNamingItsField(string name)
    {
        var mutation = Mutations[name];

        var result = UplinkParser.Parse(mutation.Topic, mutation.Message, Now);

        Assert.Equal(UplinkRejectionReason.InvalidField, result.Reason);
        AssertRejectedUsefully(result);
        Assert.Contains(mutation.Path, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRecordedTtsFrequencyIsAStringAsTheThingsStackWritesIt()
    {
        // The one number of the recordings that the real format writes as a string (a uint64): kept readable.
        var frequencies = Mutations.Values.Where(mutation => mutation.Path == "$.uplink_message.settings.frequency").ToList();

        Assert.DoesNotContain(frequencies, mutation => mutation.Kind == UplinkMutationKind.NumberAsString);
        Assert.Contains(frequencies, mutation => mutation.Kind == UplinkMutationKind.UnstorableText);
    }

    [Fact]
    public void TheGeneratorWalksEveryPathOfBothRecordedUplinksIncludingArrayElementsAndNestedObjects()
    {
        var paths = Mutations.Values.Select(mutation => mutation.Path).ToHashSet();

        Assert.Contains("$.rxInfo", paths);
        Assert.Contains("$.rxInfo[0]", paths);
        Assert.Contains("$.rxInfo[0].location.latitude", paths);
        Assert.Contains("$.deviceInfo.tags.site", paths);
        Assert.Contains("$.txInfo.modulation.lora.codeRate", paths);
        Assert.Contains("$.correlation_ids[3]", paths);
        Assert.Contains("$.uplink_message.rx_metadata[0].gateway_ids.eui", paths);
        Assert.Contains("$.uplink_message.network_ids.cluster_address", paths);
        Assert.True(Mutations.Count > 1000, $"Only {Mutations.Count} mutations.");
    }

    private static void AssertRejectedUsefully(UplinkParseResult result)
    {
        Assert.NotNull(result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
        Assert.True(StorableText.IsStorable(result.Detail), $"Unstorable detail: {result.Detail}");
        // A detail names the JSON path and the problem; .NET type names mean nothing to a tenant admin.
        Assert.DoesNotContain("Platform.", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Detail, StringComparison.Ordinal);
    }
}
