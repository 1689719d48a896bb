using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Tenancy.Members;

public static class MemberExtensions
{
    public static IServiceCollection AddMemberUseCases(this IServiceCollection services)
    {
        services.AddScoped<MemberDirectory>();
        services.AddScoped<ChangeMemberRole>();
        services.AddScoped<RemoveMember>();
        return services;
    }
}
