using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Workers.Measurements;

/// <summary>
/// One device's change to <c>device_latest</c> from the uplinks of one write: the newest uplink's
/// time and frame counter, and the top-level fields of the decoded objects, a newer uplink's fields
/// overriding an older one's. The database merges it with the stored row (see <see cref="DeviceLatestRows"/>),
/// so each device is written once per write, however many of its uplinks the write holds.
/// </summary>
public sealed record DeviceLatestUpdate(Guid DeviceId, DateTimeOffset LastSeenAt, long LastFCnt, string? DataJson, DateTimeOffset? DataAt)
{
    /// <returns>One update per device, ordered by device id (the same lock order in every write).</returns>
    public static IReadOnlyList<DeviceLatestUpdate> Of(IEnumerable<DecodedUplinkRow> rows) =>
        rows.GroupBy(row => row.DeviceId)
            .OrderBy(device => device.Key)
            .Select(device => Combine(device.Key, device.OrderBy(row => row.Time).ToList()))
            .ToList();

    private static DeviceLatestUpdate Combine(Guid deviceId, List<DecodedUplinkRow> oldestFirst)
    {
        var newest = oldestFirst[^1];
        JsonObject? data = null;
        DateTimeOffset? dataAt = null;
        foreach (var row in oldestFirst)
        {
            if (row.Decode?.Data is not { } decoded)
            {
                continue;
            }

            data ??= [];
            foreach (var (key, value) in decoded)
            {
                data[key] = value?.DeepClone();
            }

            dataAt = row.Time;
        }

        return new DeviceLatestUpdate(deviceId, newest.Time, newest.FCnt, data?.ToJsonString(JsonSerializerOptions.Default), dataAt);
    }
}
