namespace Platform.Core.Organizations;

/// <summary>What an organization grant allows. A higher value includes the lower ones.</summary>
public enum OrganizationAccess
{
    /// <summary>Read the organization and its devices' data.</summary>
    Viewer = 1,

    /// <summary>Also create, change and delete its devices.</summary>
    Editor = 2,

    /// <summary>Also rename it and manage its organization and device grants.</summary>
    Manager = 3,
}
