using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Tenancy.Invitations;

public static class InvitationExtensions
{
    /// <summary>The invitation use cases; an <see cref="Email.IEmailSender"/> must be registered beside them.</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddOptions<InvitationLinks>().BindConfiguration(InvitationLinks.SectionName)
            .Validate(links => links.PublicUrl is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp),
                $"{InvitationLinks.SectionName}:PublicUrl must be the web app's absolute http(s) address.")
            .ValidateOnStart();
        services.AddScoped<InvitationDirectory>();
        services.AddScoped<InvitationDelivery>();
        services.AddScoped<InviteMember>();
        services.AddScoped<ResendInvitation>();
        services.AddScoped<RevokeInvitation>();
        services.AddScoped<PreviewInvitation>();
        services.AddScoped<AcceptInvitation>();
        return services;
    }
}
