namespace Platform.Tests.Infrastructure;

/// <summary>
/// A stack of its own whose API trusts a development OpenID provider started first: the realm
/// <c>/realms/platform</c> as the platform provider (given to the AppHost as <c>Platform:Oidc:*</c>),
/// and further realms for tenants' providers, which tests register in the database themselves.
/// Users' e-mails carry a run id, so they are new to the stack.
/// </summary>
public sealed class OidcAppFixture : IAsyncLifetime
{
    public const string RedirectUri = "http://localhost:5080/signin-oidc";
    public const string PlatformClient = "platform-web";
    public const string PlatformRealm = "/realms/platform";
    public const string TenantARealm = "/realms/tenant-a";
    public const string TenantBRealm = "/realms/tenant-b";
    public const string ShortRealm = "/realms/short-lived";
    public const string UnregisteredRealm = "/realms/unregistered";
    public const string TenantClient = "tenant-web";
    public const string OtherAudience = "urn:other:api";

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The Entra-style directory (<c>tid</c>) whose realm is <see cref="EntraRealm"/>.</summary>
    public Guid EntraDirectoryId { get; } = Guid.NewGuid();

    /// <summary>An Entra-shaped issuer path, <c>/{directory id}/v2.0</c>.</summary>
    public string EntraRealm => $"/{EntraDirectoryId}/v2.0";

    /// <summary>The id of a service account whose e-mail the platform realm's user <c>p-robot</c> asserts.</summary>
    public Guid ServiceAccountId { get; } = Guid.NewGuid();

    public OidcDevProvider Provider { get; private set; } = null!;

    /// <summary>Platform-realm users whose claims sit at and over the limits of the columns they are stored in.</summary>
    public IReadOnlyList<Platform.Tests.Oidc.ClaimLimitCase> ClaimLimitCases { get; private set; } = [];

    public PlatformAppFixture Stack { get; private set; } = null!;

    /// <summary>A provider stub on loopback whose discovery documents tests write; the stack allows its port.</summary>
    public LoopbackHttpStub EgressProvider { get; private set; } = null!;

    /// <summary>A listener on loopback that the stack does not allow: nothing may ever reach it.</summary>
    public LoopbackHttpStub Bystander { get; private set; } = null!;

    /// <summary>A loopback port the stack allows where nothing listens (an unreachable provider).</summary>
    public int DeadPort { get; private set; }

    /// <summary>An e-mail unique to this run.</summary>
    public string Email(string name, string domain = "example.com") => $"{name}-{_run}@{domain}";

    public async ValueTask InitializeAsync()
    {
        ClaimLimitCases = Platform.Tests.Oidc.ClaimLimitCases.For(_run);
        var platformClient = new OidcClientSpec(PlatformClient, false, [RedirectUri], ["authorization_code", "refresh_token"],
            [OidcRealmSpec.PlatformAudience, OtherAudience]);
        Provider = await OidcDevProvider.StartAsync(
            new OidcRealmSpec(PlatformRealm)
            {
                Clients = [platformClient],
                Users =
                [
                    new OidcUserSpec("p-new", Email("p-new"), "New Person"),
                    new OidcUserSpec("p-link", Email("p-link"), "Linked Person"),
                    new OidcUserSpec("p-unverified", Email("p-unverified"), EmailVerified: false),
                    new OidcUserSpec("p-squatted", Email("p-squatted"), "Mailbox Owner"),
                    new OidcUserSpec("p-stranger", Email("p-stranger")),
                    new OidcUserSpec("p-token", Email("p-token")),
                    new OidcUserSpec("p-member", Email("p-member"), "Member Elsewhere"),
                    new OidcUserSpec("p-robot", Platform.Core.Identity.User.ServiceAccountEmail(ServiceAccountId), "Robot"),
                    .. ClaimLimitCases.Select(limitCase => limitCase.User),
                ],
            },
            TenantRealm(TenantARealm, "urn:tenant-a:api", 300,
            [
                new OidcUserSpec("a-engineer", Email("a-engineer"), "Engineer", Claims: new Dictionary<string, object?> { ["groups"] = new[] { "engineers", "staff" } }),
                new OidcUserSpec("a-plain", Email("a-plain"), "Plain"),
                new OidcUserSpec("a-outsider", Email("a-outsider", "elsewhere.example.org")),
                new OidcUserSpec("a-unverified", Email("a-unverified"), "Unconfirmed", EmailVerified: false),
            ]),
            TenantRealm(TenantBRealm, "urn:tenant-b:api", 300, [new OidcUserSpec("b-user", Email("b-user"))]),
            // Entra style: identities by tid + oid, no e-mail claim (preferred_username and upn instead).
            TenantRealm(EntraRealm, "api://tenant-entra", 300,
            [
                EntraUser("e-alice", EntraDirectoryId.ToString()),
                EntraUser("e-foreign", Guid.NewGuid().ToString()),
            ]),
            TenantRealm(ShortRealm, "urn:short:api", 1, [new OidcUserSpec("s-user", Email("s-user"))]),
            TenantRealm(UnregisteredRealm, OidcRealmSpec.PlatformAudience, 300, [new OidcUserSpec("p-new", Email("p-new"))]) with
            {
                Clients = [platformClient],
            });

        EgressProvider = LoopbackHttpStub.Start(FreePorts.Take(1)[0]);
        Bystander = LoopbackHttpStub.Start(FreePorts.Take(1)[0]);
        DeadPort = FreePorts.Take(1)[0];
        Stack = new PlatformAppFixture(
        [
            // The operators' allow-list of this stack: the test providers, never the bystander.
            $"--Platform:IdentityProviders:AllowedDestinations:0={Provider.BaseUrl}",
            $"--Platform:IdentityProviders:AllowedDestinations:1={EgressProvider.BaseUrl}",
            $"--Platform:IdentityProviders:AllowedDestinations:2=127.0.0.1:{DeadPort}",
            $"--Platform:Oidc:Issuer={Provider.Issuer(PlatformRealm)}",
            $"--Platform:Oidc:ClientId={PlatformClient}",
            $"--Platform:Oidc:Audience={OidcRealmSpec.PlatformAudience}",
            $"--Platform:Oidc:AllowedRedirectUris:0={RedirectUri}",
        ], TimeSpan.FromMinutes(8));
        try
        {
            await Stack.InitializeAsync();
        }
        catch
        {
            await Provider.DisposeAsync();
            await EgressProvider.DisposeAsync();
            await Bystander.DisposeAsync();
            throw;
        }
    }

    private OidcUserSpec EntraUser(string name, string directoryId) =>
        new(name, Email(name), name, Claims: new Dictionary<string, object?>
        {
            ["email"] = null,
            ["email_verified"] = null,
            ["preferred_username"] = Email(name),
            ["upn"] = Email(name),
            ["tid"] = directoryId,
            ["oid"] = $"oid-{name}-{_run}",
        });

    private static OidcRealmSpec TenantRealm(string path, string audience, int ttl, OidcUserSpec[] users) =>
        new(path, audience, ttl)
        {
            Clients = [OidcClientSpec.Public(TenantClient, RedirectUri)],
            Users = users,
        };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Stack is not null)
            {
                await Stack.DisposeAsync();
            }
        }
        finally
        {
            if (Provider is not null)
            {
                await Provider.DisposeAsync();
            }

            if (EgressProvider is not null)
            {
                await EgressProvider.DisposeAsync();
            }

            if (Bystander is not null)
            {
                await Bystander.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OidcAppCollection : ICollectionFixture<OidcAppFixture>
{
    public const string Name = "Platform app with an OpenID provider";
}
