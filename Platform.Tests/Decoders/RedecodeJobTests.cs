using System.Net;
using Platform.Tests.Infrastructure;
using Platform.Tests.Members;
using static Platform.Tests.Decoders.DecoderApi;

namespace Platform.Tests.Decoders;

[Collection(PlatformAppCollection.Name)]
public sealed class RedecodeJobTests(PlatformAppFixture fixture)
{
    private static readonly DateTimeOffset From = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TestTenantSeeder _seeder = new(fixture);

    [Fact]
    public async Task ActivationWithARedecodeQueuesAPendingJobThatCanBeRead()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId, TlvVersion()));
        var device = await AssignedDeviceAsync(tenant, decoder);

        var activated = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/versions/1/activate"),
            new { redecode = new { from = From, to = From.AddDays(30), deviceIds = new[] { device } } }, HttpStatusCode.OK);

        var job = activated["redecodeJob"]!;
        Assert.Equal("Pending", job["status"]!.GetValue<string>());
        Assert.Equal(1, job["version"]!.GetValue<int>());
        Assert.Equal(device, job["deviceIds"]!.AsArray().Single()!.GetValue<Guid>());
        Assert.Null(job["progressPercent"]);
        var jobId = job["id"]!.GetValue<Guid>();
        var read = await SendAsync(tenant.AdminHttp, HttpMethod.Get, tenant.Route($"/decoders/{decoder}/redecode-jobs/{jobId}"), null,
            HttpStatusCode.OK);
        Assert.Equal(From, read["from"]!.GetValue<DateTimeOffset>());
        Assert.Equal(0, read["processed"]!.GetValue<long>());
        var list = await SendAsync(tenant.AdminHttp, HttpMethod.Get, tenant.Route($"/decoders/{decoder}/redecode-jobs"), null, HttpStatusCode.OK);
        Assert.Equal(jobId, list["items"]!.AsArray().Single()!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task JobIsRequestedWithTheActiveVersionByDefault()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = await CreateActiveAsync(tenant.AdminHttp, tenant.TenantId);

        var job = await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/redecode-jobs"),
            new { from = From, to = From.AddDays(1) }, HttpStatusCode.Created);

        Assert.Equal(1, job["version"]!.GetValue<int>());
        Assert.Empty(job["deviceIds"]!.AsArray());
    }

    [Fact]
    public async Task DecoderWithoutAnActiveVersionNeedsTheVersionNamed()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = IdOf(await CreateAsync(tenant.AdminHttp, tenant.TenantId, TlvVersion()));

        await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/redecode-jobs"),
            new { from = From, to = From.AddDays(1) }, HttpStatusCode.Conflict);
        await SendAsync(tenant.AdminHttp, HttpMethod.Post, tenant.Route($"/decoders/{decoder}/redecode-jobs"),
            new { version = 1, from = From, to = From.AddDays(1) }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task DevicesNotAssignedToTheDecoderAndBadRangesAreRefused()
    {
        var tenant = await TenantAdminScenario.CreateAsync(_seeder);
        var decoder = await CreateActiveAsync(tenant.AdminHttp, tenant.TenantId);
        var unassigned = await _seeder.CreateDeviceAsync(tenant.TenantId, await _seeder.CreateOrganizationAsync(tenant.TenantId));
        var route = tenant.Route($"/decoders/{decoder}/redecode-jobs");

        await ExpectFieldErrorAsync(tenant, route, new { from = From, to = From.AddDays(1), deviceIds = new[] { unassigned } }, "deviceIds");
        await ExpectFieldErrorAsync(tenant, route, new { from = From, to = From.AddDays(1), deviceIds = new[] { Guid.NewGuid() } }, "deviceIds");
        await ExpectFieldErrorAsync(tenant, route, new { from = From, to = From }, "to");
        await ExpectFieldErrorAsync(tenant, route, new { from = From, to = From.AddDays(367) }, "to");
        await ExpectFieldErrorAsync(tenant, tenant.Route($"/decoders/{decoder}/versions/1/activate"),
            new { redecode = new { from = From, to = From.AddDays(1), deviceIds = new[] { unassigned } } }, "redecode.deviceIds");
    }

    private async Task ExpectFieldErrorAsync(TenantAdminScenario tenant, string route, object body, string field)
    {
        using var response = await tenant.AdminHttp.PostAsync(route, System.Net.Http.Json.JsonContent.Create(body), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await ProblemResponses.FieldsAsync(response));
    }

    private async Task<Guid> AssignedDeviceAsync(TenantAdminScenario tenant, Guid decoder)
    {
        var device = await _seeder.CreateDeviceAsync(tenant.TenantId, await _seeder.CreateOrganizationAsync(tenant.TenantId));
        await SendAsync(tenant.AdminHttp, HttpMethod.Patch, tenant.Route($"/devices/{device}"), new { decoderId = decoder }, HttpStatusCode.OK);
        return device;
    }
}
