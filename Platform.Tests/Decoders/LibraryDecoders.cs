using System.Net;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Decoders;

/// <summary>Library decoders made through the platform admin routes, with the shared TLV version active.</summary>
internal static class LibraryDecoders
{
    public static async Task<Guid> CreateAsync(TestTenantSeeder seeder)
    {
        using var admin = await seeder.LoginAsPlatformAdminAsync();
        var created = await DecoderApi.SendAsync(admin, HttpMethod.Post, "/api/admin/decoders",
            new { name = DecoderApi.UniqueName("Library"), version = DecoderApi.TlvVersion() }, HttpStatusCode.Created);
        var id = DecoderApi.IdOf(created);
        await DecoderApi.SendAsync(admin, HttpMethod.Post, $"/api/admin/decoders/{id}/versions/1/activate", null, HttpStatusCode.OK);
        return id;
    }
}
