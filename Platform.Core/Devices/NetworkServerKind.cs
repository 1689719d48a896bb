namespace Platform.Core.Devices;

public enum NetworkServerKind
{
    ChirpStack = 1,
    TheThingsStack = 2,
}
