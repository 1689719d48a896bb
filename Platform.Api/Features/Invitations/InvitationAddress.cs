using Platform.Core.Identity;

namespace Platform.Api.Features.Invitations;

/// <summary>Whether a text is an address an invitation can go to (one rule for every route that invites).</summary>
public static class InvitationAddress
{
    public static bool IsValid(string email)
    {
        try
        {
            User.NormalizeEmail(email);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
