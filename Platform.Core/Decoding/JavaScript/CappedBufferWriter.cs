using System.Buffers;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// Collects a decoder's JSON output and gives up as soon as it passes the cap, so a huge result is never
/// serialized in full. One per engine, reused call after call.
/// </summary>
internal sealed class CappedBufferWriter(int cap) : IBufferWriter<byte>
{
    private byte[] buffer = new byte[Math.Min(cap, 1024)];
    private int written;

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, written);

    public void Clear() => written = 0;

    public void Advance(int count)
    {
        if (count < 0 || written + count > buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
        written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(written);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(written);

    private byte[] Reserve(int sizeHint)
    {
        var needed = (long)written + Math.Max(sizeHint, 1);
        if (needed > cap) throw new SandboxException($"decoder output too large (over {SandboxFailure.FormatBytes(cap)})");
        if (needed > buffer.Length)
        {
            Array.Resize(ref buffer, (int)Math.Min(cap, Math.Max(needed, 2L * buffer.Length)));
        }
        return buffer;
    }
}
