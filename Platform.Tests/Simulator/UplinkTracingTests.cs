using System.Diagnostics;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using Platform.Simulator.Publishing;

namespace Platform.Tests.Simulator;

public sealed class UplinkTracingTests
{
    private static readonly SimulatedUplink Uplink =
        new("application/17c82e96-be03-4f38-aef3-f83d48582d97/device/70b3d57ed0000001/event/up", "{}"u8.ToArray());

    [Fact]
    public void EachPublishCarriesTheW3CTraceParentOfItsProducerSpan()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SimulatorTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using var publish = SimulatorTelemetry.StartPublish(Uplink);
        var message = UplinkMqttMessage.Build(Uplink, publish);

        Assert.NotNull(publish);
        Assert.Equal("uplink publish", publish.OperationName);
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal("Platform.Simulator", publish.Source.Name);
        var traceParent = message.UserProperties.Single(property => property.Name == "traceparent").ReadValueAsString();
        Assert.True(ActivityContext.TryParse(traceParent, null, out var context), traceParent);
        Assert.Equal(publish.TraceId, context.TraceId);
        Assert.Equal(publish.SpanId, context.SpanId);
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
        Assert.Equal(publish.Id, traceParent);
    }

    [Fact]
    public void WithoutASpanTheUplinkIsPublishedWithoutTraceContext()
    {
        var message = UplinkMqttMessage.Build(Uplink, publish: null);

        Assert.Empty(message.UserProperties ?? []);
        Assert.Equal(Uplink.Topic, message.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfServiceLevel);
        Assert.Equal("application/json", message.ContentType);
    }
}
