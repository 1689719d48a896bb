using Platform.Workers.Redecode;

namespace Platform.Tests.Decoding;

public sealed class RedecodeCursorTests
{
    [Fact]
    public void ACursorReadsBackAsWrittenEvenWhenTheKeyContainsTheSeparator()
    {
        var cursor = new RedecodeCursor(Guid.NewGuid(), DateTimeOffset.Parse("2026-11-20T09:34:15.775023Z"), "as:up:01|weird|key");

        Assert.Equal(cursor, RedecodeCursor.Parse(cursor.ToString()));
    }

    [Fact]
    public void AJobWithoutACursorStartsAtTheBeginning() => Assert.Equal(RedecodeCursor.Start, RedecodeCursor.Parse(null));

    [Fact]
    public void ACursorThatIsNotOneIsRefused() => Assert.Throws<FormatException>(() => RedecodeCursor.Parse("nonsense"));
}
