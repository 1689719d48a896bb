using Platform.Core.NetworkServer.Uplinks;

namespace Platform.Core.Ingestion;

/// <summary>Exactly one of an admitted uplink or a rejection.</summary>
/// <param name="Fault">For an <see cref="UplinkRejectionReason.InternalError"/>: the exception, for the log.</param>
public sealed record UplinkAdmissionResult(AdmittedUplink? Admitted, UplinkRejection? Rejection, Exception? Fault = null)
{
    /// <summary>
    /// Someone may be sending uplinks in another device's or application's name: these rejections
    /// are also logged as security events.
    /// </summary>
    public bool IsSecurityEvent => Rejection?.Reason is UplinkRejectionReason.TopicMismatch
        or UplinkRejectionReason.BindingMismatch or UplinkRejectionReason.AmbiguousDevice;
}
