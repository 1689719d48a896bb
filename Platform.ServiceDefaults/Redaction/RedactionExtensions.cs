using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Redaction;

public static class RedactionExtensions
{
    /// <summary>
    /// Every value that carries a data classification (Platform.Core's taxonomy: secret, personal)
    /// is masked before any logging sink sees it. The fallback redactor is used so that this project
    /// needs no reference to the taxonomy: whatever is classified is masked.
    /// </summary>
    public static TBuilder AddLogRedaction<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction => redaction.SetFallbackRedactor<MaskingRedactor>());
        return builder;
    }
}
