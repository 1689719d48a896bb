namespace Platform.Core.Uplinks;

/// <summary>
/// What a rejection's stored message is (<see cref="Ingestion.RejectedMessageFormat"/>): every rejection
/// stored before this column holds the network server's message, hence the default. Its values are
/// the enum's names, like the reason's.
/// </summary>
public static class RejectedMessageFormatSql
{
    public const string Up = """
        ALTER TABLE rejected_uplinks ADD COLUMN message_format character varying(20) NOT NULL DEFAULT 'Mqtt';
        """;

    public const string Down = """
        ALTER TABLE rejected_uplinks DROP COLUMN message_format;
        """;
}
