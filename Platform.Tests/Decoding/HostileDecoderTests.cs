using Platform.Core.Decoding;
using Platform.Core.Decoding.JavaScript;

namespace Platform.Tests.Decoding;

/// <summary>
/// Scripts that try to hang, exhaust or escape the sandbox get a clear error, and the same decoder
/// decodes the next normal uplink: the failed engine is dropped, not reused.
/// </summary>
public sealed class HostileDecoderTests
{
    private static readonly DateTimeOffset RecvTime = DateTimeOffset.Parse("2026-11-20T09:34:15Z");

    // Hostile only when the first byte is 1: the next call (first byte 0) must decode normally.
    private static JavaScriptDecoder Hostile(string attack, DecoderLimits? limits = null) =>
        JavaScriptDecoderTests.Decoder(
            $"function decodeUplink(input) {{\n  if (input.bytes[0] === 1) {{\n    {attack}\n  }}\n  return {{ data: {{ ok: true }} }};\n}}",
            limits);

    private static DecodeResult Attack(JavaScriptDecoder decoder) => decoder.Decode(new DecodeInput([1], 1, RecvTime));

    private static void AssertStillWorks(JavaScriptDecoder decoder)
    {
        var result = decoder.Decode(new DecodeInput([0], 1, RecvTime));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.True(result.Data!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public void AnInfiniteLoopHitsTheTimeLimit()
    {
        // Statements unlimited, so that time is what stops it.
        var decoder = Hostile("while (true) {}", DecoderLimits.Default with { Statements = int.MaxValue });

        Assert.Equal(["decoder exceeded its time limit (100 ms)"], Attack(decoder).Errors);
        AssertStillWorks(decoder);
    }

    [Theory]
    [InlineData("var b = new ArrayBuffer(5e8); return { data: { n: b.byteLength } };")]
    [InlineData("var b = new ArrayBuffer(8, { maxByteLength: 5e8 }); b.resize(5e8); return { data: { n: b.byteLength } };")]
    [InlineData("var a = new Uint8Array(5e8); return { data: { n: a.length } };")]
    [InlineData("var a = new Float64Array(1e8); return { data: { n: a.length } };")]
    [InlineData("var a = Uint8Array.from({ length: 5e8 }); return { data: { n: a.length } };")]
    [InlineData("var a = new Uint8Array(8); var C = a.constructor; return { data: { n: new C(5e8).length } };")]
    [InlineData("var a = new Uint8Array({ length: 5e8 }); return { data: { n: a.length } };")]
    [InlineData("var b = new ArrayBuffer(8); var C = b.constructor; return { data: { n: new C(5e8).byteLength } };")]
    [InlineData("var b = new ArrayBuffer(0).transfer(5e8); return { data: { n: b.byteLength } };")]
    [InlineData("var b = new ArrayBuffer(0).transferToFixedLength(5e8); return { data: { n: b.byteLength } };")]
    public void AHugeBinaryBufferIsRefusedBeforeItIsAllocated(string attack)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var decoder = Hostile(attack, DecoderLimits.Default with { Time = TimeSpan.FromMinutes(1), Statements = int.MaxValue });

        var error = Assert.Single(Attack(decoder).Errors);
        Assert.Contains("memory limit", error);
        // Refused, not allocated and then noticed: far less than the buffer was ever allocated.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000_000, "the buffer was allocated");
        AssertStillWorks(decoder);
    }

    [Theory]
    [InlineData("var n = 0; var b = new ArrayBuffer({ valueOf: function () { return n++ ? 5e8 : 0; } }); return { data: { n: b.byteLength } };")]
    [InlineData("var n = 0; var a = new Float64Array({ get length() { return n++ ? 5e8 : 0; } }); return { data: { n: a.length } };")]
    [InlineData("var n = 0; var b = new ArrayBuffer(0, { get maxByteLength() { return n++ ? 5e8 : 0; } }); return { data: { n: b.maxByteLength } };")]
    public void ASizeThatChangesWhenReadAgainIsReadOnce(string attack)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var decoder = Hostile(attack, DecoderLimits.Default with { Time = TimeSpan.FromMinutes(1) });

        var result = Attack(decoder);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(0, result.Data!["n"]!.GetValue<int>());
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000_000, "the buffer was allocated");
    }

    [Fact]
    public void TypedArraysOfReasonableSizeStillWork()
    {
        var decoder = JavaScriptDecoderTests.Decoder("""
            function decodeUplink(input) {
              var view = new DataView(new Uint8Array(input.bytes).buffer);
              var copy = new Uint8Array(input.bytes).slice(0, 2).map(function (b) { return b + 1; });
              return { data: { word: view.getUint16(0, true), copy: Array.from(copy), isView: copy instanceof Uint8Array,
                               sameType: copy.constructor === Uint8Array, buffer: new ArrayBuffer(16, { maxByteLength: 64 }).maxByteLength } };
            }
            """);

        var result = decoder.Decode(new DecodeInput([0x34, 0x12, 9], 1, RecvTime));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(0x1234, result.Data!["word"]!.GetValue<int>());
        Assert.Equal([0x35, 0x13], result.Data["copy"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.True(result.Data["isView"]!.GetValue<bool>());
        Assert.True(result.Data["sameType"]!.GetValue<bool>());
        Assert.Equal(64, result.Data["buffer"]!.GetValue<int>());
    }

    [Fact]
    public void TooManyStatementsHitTheStatementLimit()
    {
        var decoder = Hostile("while (true) {}", DecoderLimits.Default with { Time = TimeSpan.FromMinutes(1), Statements = 10_000 });

        Assert.Equal(["decoder exceeded its statement limit (10000 statements)"], Attack(decoder).Errors);
        AssertStillWorks(decoder);
    }

    [Theory]
    [InlineData("var a = []; while (true) a.push(new Array(1e6));")]
    [InlineData("var a = []; while (true) a.push({ x: a.length, y: 'y' + a.length });")]
    [InlineData("var s = 'x'; while (true) s += s;")]
    public void AMemoryBombHitsTheMemoryLimit(string attack)
    {
        // A generous time limit, so that memory is what stops it.
        var decoder = Hostile(attack, DecoderLimits.Default with { Time = TimeSpan.FromMinutes(1), Statements = int.MaxValue });

        var error = Assert.Single(Attack(decoder).Errors);
        Assert.StartsWith("decoder exceeded its memory limit (8 MB)", error);
        AssertStillWorks(decoder);
    }

    [Fact]
    public void AMemoryBombWithDefaultLimitsHitsALimit()
    {
        var decoder = Hostile("var a = []; while (true) a.push(new Array(1e6));");

        Assert.StartsWith("decoder exceeded its", Assert.Single(Attack(decoder).Errors));
        AssertStillWorks(decoder);
    }

    [Fact]
    public void DeepRecursionHitsTheRecursionLimit()
    {
        var decoder = Hostile("var f = function (n) { return f(n + 1) + 1; }; return f(0);");

        Assert.Equal(["decoder exceeded its recursion limit (64 calls deep)"], Attack(decoder).Errors);
        AssertStillWorks(decoder);
    }

    [Theory]
    [InlineData("return { data: { s: 'x'.repeat(1e7) } };")]
    [InlineData("return { data: { s: 'x'.repeat(5e8) } };")]
    [InlineData("var a = []; for (var i = 0; i < 2000; i++) a.push('x'.repeat(100)); return { data: { a: a } };")]
    public void HugeOutputIsRefused(string attack)
    {
        var decoder = Hostile(attack);

        var error = Assert.Single(Attack(decoder).Errors);
        Assert.True(error.StartsWith("decoder output too large", StringComparison.Ordinal)
            || error.StartsWith("decoder threw an error: Invalid string length", StringComparison.Ordinal), error);
        AssertStillWorks(decoder);
    }

    [Fact]
    public void AHugeSeparatorInJoinIsRefused()
    {
        var decoder = Hostile("return { data: { s: new Array(100000).join('x'.repeat(10000)) } };");

        Assert.StartsWith("decoder threw an error: Invalid string length", Assert.Single(Attack(decoder).Errors));
        AssertStillWorks(decoder);
    }

    [Theory]
    [InlineData("return System.IO.File.ReadAllText('/etc/passwd');", "System is not defined")]
    [InlineData("var s = importNamespace('System'); return s.IO.File.ReadAllText('/etc/passwd');", "importNamespace is not defined")]
    [InlineData("var fs = require('fs'); return fs.readFileSync('/etc/passwd');", "require is not defined")]
    [InlineData("process.exit(1);", "process is not defined")]
    [InlineData("return fetch('http://169.254.169.254/');", "fetch is not defined")]
    [InlineData("var g = this.constructor.constructor('return this')(); return { data: { t: typeof g.System } };", "String compilation has been disabled")]
    [InlineData("return eval('1 + 1');", "String compilation has been disabled")]
    [InlineData("return { data: { clr: typeof clrHelper, host: typeof host, xhr: typeof XMLHttpRequest } } && x.y.z;", "x is not defined")]
    public void ReachingForDotNetOrTheHostFails(string attack, string message)
    {
        var decoder = Hostile(attack);

        var error = Assert.Single(Attack(decoder).Errors);
        Assert.StartsWith("decoder threw an error:", error);
        Assert.Contains(message, error);
        AssertStillWorks(decoder);
    }

    [Fact]
    public void TheGlobalObjectHoldsOnlyLanguageBuiltIns()
    {
        var decoder = JavaScriptDecoderTests.Decoder("""
            function decodeUplink(input) {
              var names = Object.getOwnPropertyNames(globalThis).filter(function (n) {
                var v = globalThis[n];
                return typeof v === 'object' || typeof v === 'function';
              });
              return { data: { names: names.join(',') } };
            }
            """);

        var names = decoder.Decode(new DecodeInput([], 1, RecvTime)).Data!["names"]!.GetValue<string>().Split(',');

        string[] host = ["System", "importNamespace", "require", "process", "fetch", "clrHelper", "XMLHttpRequest", "setTimeout"];
        Assert.Empty(names.Intersect(host));
    }

    [Theory]
    [InlineData("return { data: { toJSON: function () { while (true) {} } } };")]
    [InlineData("return { get data() { while (true) {} } };")]
    [InlineData("var o = {}; Object.defineProperty(o, 'x', { enumerable: true, get: function () { while (true) {} } }); return { data: o };")]
    public void CodeRunDuringSerializationIsLimitedToo(string attack)
    {
        var decoder = Hostile(attack);

        Assert.StartsWith("decoder exceeded its", Assert.Single(Attack(decoder).Errors));
        AssertStillWorks(decoder);
    }

    [Fact]
    public async Task AHostileDecoderOnOtherThreadsDoesNotStopANormalOneFromCompleting()
    {
        var hostile = Hostile("while (true) {}");
        var normal = JavaScriptDecoderTests.Decoder(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SharedData", "decoders", "tlv-env-sensor.js")));
        using var stop = new CancellationTokenSource();
        using var started = new CountdownEvent(4);

        var attackers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var errors = new List<string>();
            started.Signal();
            while (!stop.IsCancellationRequested)
            {
                errors.AddRange(Attack(hostile).Errors);
            }
            return errors;
        })).ToArray();
        started.Wait(TestContext.Current.CancellationToken);

        var results = Enumerable.Range(0, 200)
            .Select(i => normal.Decode(new DecodeInput([0x01, 0x75, (byte)(i % 101)], 85, RecvTime)))
            .ToList();
        stop.Cancel();
        var attackErrors = (await Task.WhenAll(attackers)).SelectMany(e => e).ToList();

        Assert.All(results.Select((r, i) => (r, i)), x => Assert.Equal(x.i % 101, x.r.Data?["battery"]?.GetValue<int>()));
        Assert.NotEmpty(attackErrors);
        Assert.All(attackErrors, e => Assert.StartsWith("decoder exceeded its", e));
    }
}
