using Platform.Simulator;
using Platform.Simulator.Publishing;

namespace Platform.Tests.Simulator;

public sealed class UplinkScheduleTests
{
    // The simulator looks at the schedule every 100 ms.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void AnIntervalPerDeviceWinsOverTheTotalRate()
    {
        var schedule = UplinkSchedule.For(new SimulatorOptions { UplinksPerSecond = 100, IntervalSeconds = 60 }, devices: 4);

        Assert.Equal(4 / 60.0, schedule.UplinksPerSecond);
    }

    [Fact]
    public void EachDeviceSendsOncePerIntervalWithTheStartsSpreadOverTheFirstInterval()
    {
        var schedule = UplinkSchedule.For(new SimulatorOptions { IntervalSeconds = 60 }, devices: 4);

        var sends = Run(schedule, TimeSpan.FromMinutes(10));

        var byDevice = sends.GroupBy(send => send.Device).OrderBy(group => group.Key).ToList();
        Assert.Equal([0, 1, 2, 3], byDevice.Select(group => group.Key));
        Assert.All(byDevice, group =>
        {
            Assert.Equal(10, group.Count());
            Assert.All(group.Zip(group.Skip(1)), pair => Assert.Equal(60, (pair.Second.At - pair.First.At).TotalSeconds, tolerance: Tick.TotalSeconds));
        });
        var starts = byDevice.Select(group => group.First().At.TotalSeconds).ToList();
        Assert.All(starts, start => Assert.InRange(start, 0, 60));
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.Equal(15, pair.Second - pair.First, tolerance: Tick.TotalSeconds));
    }

    [Fact]
    public void WithoutAnIntervalTheDevicesTakeTurnsAtTheTotalRate()
    {
        var schedule = UplinkSchedule.For(new SimulatorOptions { UplinksPerSecond = 2 }, devices: 3);

        var sends = Run(schedule, TimeSpan.FromSeconds(10));

        Assert.Equal(20, sends.Count);
        Assert.Equal([0, 1, 2, 0, 1, 2], sends.Take(6).Select(send => send.Device));
    }

    [Fact]
    public void NoDevicesOrNoRateSendsNothing()
    {
        Assert.True(UplinkSchedule.For(new SimulatorOptions { UplinksPerSecond = 0 }, devices: 10).IsIdle);
        Assert.True(UplinkSchedule.For(new SimulatorOptions { UplinksPerSecond = 5 }, devices: 0).IsIdle);
        Assert.True(UplinkSchedule.For(new SimulatorOptions { IntervalSeconds = 30 }, devices: 0).IsIdle);
        Assert.Equal(0, UplinkSchedule.For(new SimulatorOptions { UplinksPerSecond = 0 }, devices: 10).DueBy(TimeSpan.FromHours(1)));
    }

    /// <summary>The service's loop, without the broker: on each tick, publish whatever is due.</summary>
    private static List<(int Device, TimeSpan At)> Run(UplinkSchedule schedule, TimeSpan duration)
    {
        var sends = new List<(int Device, TimeSpan At)>();
        long published = 0;
        for (var elapsed = Tick; elapsed <= duration; elapsed += Tick)
        {
            for (var due = schedule.DueBy(elapsed); published < due; published++)
            {
                sends.Add((schedule.DeviceOf(published), elapsed));
            }
        }

        return sends;
    }
}
