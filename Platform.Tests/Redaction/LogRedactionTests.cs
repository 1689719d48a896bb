using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Core.Compliance;
using Platform.ServiceDefaults.Redaction;

namespace Platform.Tests.Redaction;

public sealed partial class LogRedactionTests
{
    [Fact]
    public void ClassifiedValuesAreMaskedInEveryLogSink()
    {
        // Arrange: a host wired like every service, with one more ordinary sink.
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        var sink = new CapturingLoggerProvider();
        builder.Logging.AddProvider(sink);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<LogRedactionTests>>();
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var tenant = "tenant-" + Guid.NewGuid().ToString("N")[..8];

        // Act
        LogLoginAttempt(logger, email, password, tenant);

        // Assert
        var output = string.Join('\n', sink.Output);
        Assert.DoesNotContain(password, output);
        Assert.DoesNotContain(email, output);
        Assert.Contains(tenant, output);
        Assert.Contains(MaskingRedactor.Mask, output);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Login by {Email} with {Password} for {Tenant}")]
    private static partial void LogLoginAttempt(ILogger logger, [PersonalData] string email, [Secret] string password, string tenant);
}
