namespace Platform.Api.Features.Decoders;

/// <param name="RedecodeJob">The re-decode job the activation asked for, pending for a worker.</param>
public sealed record ActivationResponse(DecoderResponse Decoder, RedecodeJobResponse? RedecodeJob);
