namespace Platform.Core.Ingestion;

/// <summary>What a rejection's stored message is, and so how a replay goes about it.</summary>
public enum RejectedMessageFormat
{
    /// <summary>The message as the network server published it: a replay judges it again from its topic and bytes.</summary>
    Mqtt = 0,

    /// <summary>
    /// An <see cref="AdmittedUplink"/> as JSON, as the event bus carried it to the storage: a replay
    /// publishes it again, without the network server's message (which the bus does not carry).
    /// </summary>
    AdmittedUplink = 1,
}
