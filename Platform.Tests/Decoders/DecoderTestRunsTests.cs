using Platform.Api.Features.Decoders;

namespace Platform.Tests.Decoders;

public sealed class DecoderTestRunsTests
{
    [Fact]
    public void EachTenantRunsAtMostTwoTestsAtOnceAndAFinishedRunFreesItsPlace()
    {
        using var runs = new DecoderTestRuns();
        var tenant = Guid.NewGuid();

        using var first = runs.TryStart(tenant);
        var second = runs.TryStart(tenant);
        using var third = runs.TryStart(tenant);
        using var otherTenant = runs.TryStart(Guid.NewGuid());

        Assert.True(first.IsAcquired);
        Assert.True(second.IsAcquired);
        Assert.False(third.IsAcquired);
        Assert.True(otherTenant.IsAcquired);
        second.Dispose();
        using var fourth = runs.TryStart(tenant);
        Assert.True(fourth.IsAcquired);
    }
}
