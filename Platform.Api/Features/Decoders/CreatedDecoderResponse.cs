namespace Platform.Api.Features.Decoders;

/// <param name="Version">Version 1 with its vector outcomes, when the request gave one.</param>
public sealed record CreatedDecoderResponse(DecoderResponse Decoder, CreatedVersionResponse? Version);
