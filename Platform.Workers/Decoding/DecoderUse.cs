namespace Platform.Workers.Decoding;

/// <summary>
/// A decoder version as one tenant uses it: what the <see cref="DecoderCircuit"/> suspends. A
/// library version is shared by every tenant, and one tenant's payloads that make it break its
/// limits must not stop it for the others.
/// </summary>
public readonly record struct DecoderUse(Guid TenantId, Guid VersionId);
