using Microsoft.Extensions.Compliance.Classification;

namespace Platform.Core.Compliance;

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecretAttribute() : DataClassificationAttribute(PlatformTaxonomy.Secret);
