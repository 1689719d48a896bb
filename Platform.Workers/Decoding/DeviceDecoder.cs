using Platform.Core.Decoders;

namespace Platform.Workers.Decoding;

/// <summary>What a device's uplinks are decoded with now: its decoder's active version and the device's variables.</summary>
public sealed record DeviceDecoder(Guid VersionId, DecoderCodec Codec, IReadOnlyDictionary<string, string> Variables);
