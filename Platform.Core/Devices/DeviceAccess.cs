namespace Platform.Core.Devices;

/// <summary>What a grant on a single device allows.</summary>
public enum DeviceAccess
{
    Read = 1,
    Write = 2,
}
