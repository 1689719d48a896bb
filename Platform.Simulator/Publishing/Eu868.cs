namespace Platform.Simulator.Publishing;

/// <summary>EU868 uplink channels (Hz) in the order network servers number them: the three mandatory ones first.</summary>
internal static class Eu868
{
    public static readonly ulong[] Channels =
        [868_100_000, 868_300_000, 868_500_000, 867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000];

    public const int Bandwidth = 125_000;

    /// <summary>DR5, what a device close to its gateway settles on under ADR.</summary>
    public const int SpreadingFactor = 7;

    public const int DataRate = 5;
}
