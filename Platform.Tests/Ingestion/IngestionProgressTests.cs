using Microsoft.Extensions.Time.Testing;
using Platform.Core.Ingestion;

namespace Platform.Tests.Ingestion;

/// <summary>
/// When the ingestion counts as stalled (health Degraded), on a clock the test moves: for every
/// number of waiting messages and every time since the last progress around the threshold.
/// </summary>
public sealed class IngestionProgressTests
{
    private static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan[] Elapsed =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), StalledAfter - TimeSpan.FromTicks(1), StalledAfter, StalledAfter + TimeSpan.FromSeconds(1), TimeSpan.FromHours(3)];

    private static readonly int[] Waiting = [0, 1, 2, 100];

    public static TheoryData<int, int> Cases()
    {
        var cases = new TheoryData<int, int>();
        for (var elapsed = 0; elapsed < Elapsed.Length; elapsed++)
        {
            foreach (var waiting in Waiting)
            {
                cases.Add(elapsed, waiting);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheIngestionIsStalledExactlyWhenMessagesWaitAndNothingWasAcknowledgedForTheThreshold(int elapsedIndex, int waiting)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var progress = new IngestionProgress(time);
        for (var i = 0; i < waiting; i++)
        {
            progress.Received();
        }

        time.Advance(Elapsed[elapsedIndex]);

        Assert.Equal(waiting > 0 && Elapsed[elapsedIndex] >= StalledAfter, progress.IsStalled(StalledAfter));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnAcknowledgementStartsTheWaitAfresh(int elapsedIndex, int waiting)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var progress = new IngestionProgress(time);
        for (var i = 0; i < waiting + 1; i++)
        {
            progress.Received();
        }

        time.Advance(TimeSpan.FromHours(1));
        progress.Handled(1, acknowledged: 1);
        time.Advance(Elapsed[elapsedIndex]);

        Assert.Equal(waiting > 0 && Elapsed[elapsedIndex] >= StalledAfter, progress.IsStalled(StalledAfter));
    }

    [Fact]
    public void IdleTimeBeforeAMessageArrivesIsNoStall()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var progress = new IngestionProgress(time);
        time.Advance(TimeSpan.FromDays(1));

        progress.Received();

        Assert.False(progress.IsStalled(StalledAfter));
        time.Advance(StalledAfter);
        Assert.True(progress.IsStalled(StalledAfter));
    }

    [Fact]
    public void MessagesHandledWithoutAnAcknowledgementDoNotCountAsProgress()
    {
        // Their connection is gone: the broker delivers them again, nothing got through.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var progress = new IngestionProgress(time);
        progress.Received();
        progress.Received();
        time.Advance(StalledAfter);

        progress.Handled(1, acknowledged: 0);

        Assert.True(progress.IsStalled(StalledAfter));
        progress.Handled(1, acknowledged: 0);
        Assert.False(progress.IsStalled(StalledAfter));
    }
}
