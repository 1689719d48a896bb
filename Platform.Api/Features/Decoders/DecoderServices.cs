using Platform.Core.Decoders;
using Platform.Core.Decoding.JavaScript;

namespace Platform.Api.Features.Decoders;

public static class DecoderServices
{
    /// <summary>The decoder endpoints' services; one compiled-version cache for the whole API, since versions never change.</summary>
    public static IServiceCollection AddDecoders(this IServiceCollection services)
    {
        services.AddSingleton(new CompiledDecoders(DecoderLimits.Default));
        services.AddSingleton<DecoderTestRuns>();
        services.AddScoped<DecoderVersioning>();
        services.AddScoped<DecoderActivation>();
        services.AddScoped<DecoderCreation>();
        services.AddScoped<RedecodeJobs>();
        return services;
    }
}
