using Platform.Core.Decoding;
using Platform.Core.Decoding.JavaScript;

namespace Platform.Tests.Decoding;

/// <summary>
/// Every built-in that builds a string, an array or a list of arguments in one native call, each given
/// small inputs that make its result hundreds of megabytes. Jint checks its memory limit between
/// statements, so such a call would build its whole result first; each must instead end as a limit error
/// while the thread has allocated no more than a few times the limit, and the decoder must go on working.
/// The table is built from the built-ins and the bomb shapes that apply to each: replacements are every
/// caller (string or RegExp search, replace or replaceAll) crossed with every kind of replacement.
/// </summary>
public sealed class BuiltInMemoryBombTests
{
    private static readonly DateTimeOffset RecvTime = DateTimeOffset.Parse("2026-12-07T09:34:15Z");

    // Time and statements out of the way, so that what stops a bomb is the memory guard, not a timer
    // that a loaded machine might trip before the bomb even starts.
    private static readonly DecoderLimits Limits = JavaScriptDecoderTests.Unhurried with { Statements = int.MaxValue };

    // What one allowed call may legitimately cost: a result just under the limit, the buffer it was
    // built in, and that buffer's growth. An unguarded bomb allocates hundreds of times the limit.
    private static readonly long AllocationBudget = 6 * Limits.MemoryBytes;

    // Pieces the bombs are built from, each small enough to pass every limit on its own.
    private const string Long = "var L = 'y'.repeat(2e4);";
    private const string ManyMatches = "var S = 'x'.repeat(2e4);";
    private const string OneMatchInTheMiddle = "var T = 'a'.repeat(2e4) + 'x' + 'b'.repeat(2e4);";

    /// <summary>Replacements that each add 2e4 characters or more for every match of <c>'x'</c> in 2e4.</summary>
    private static readonly (string Name, string Code)[] ReplacementsPerMatch =
    [
        ("a long string", "L"),
        ("'$&' repeated", "'$&'.repeat(2e4)"),
        ("'$`' (all the text before the match)", "'$`'"),
        ("\"$'\" (all the text after the match)", "\"$'\""),
        ("'$1' repeated", "'$1'.repeat(2e4)"),
        ("'$<n>' repeated", "'$<n>'.repeat(2e4)"),
        ("a function returning a long string", "function () { return L; }"),
        ("a bound native function returning a long string", "String.prototype.padEnd.bind('', 2e4, 'y')"),
    ];

    private static readonly (string Name, string Call)[] GlobalReplacers =
    [
        ("String.prototype.replaceAll with a string", "S.replaceAll('x', R)"),
        ("String.prototype.replace with a global RegExp", "S.replace(/(?<n>x)/g, R)"),
        ("String.prototype.replaceAll with a global RegExp", "S.replaceAll(/(?<n>x)/g, R)"),
        ("RegExp.prototype[Symbol.replace]", "/(?<n>x)/g[Symbol.replace](S, R)"),
    ];

    /// <summary>Replacements that amplify a single match: 2e4 copies of the 2e4 characters around it.</summary>
    private static readonly (string Name, string Code)[] ReplacementsOfOneMatch =
    [
        ("'$`' repeated", "'$`'.repeat(2e4)"),
        ("\"$'\" repeated", "\"$'\".repeat(2e4)"),
    ];

    private static readonly (string Name, string Call)[] SingleReplacers =
    [
        ("String.prototype.replace with a string", "T.replace('x', R)"),
        ("String.prototype.replace with a RegExp", "T.replace(/x/, R)"),
    ];

    private static readonly (string Name, string Code)[] OtherBombs =
    [
        ("String.prototype.padStart", "''.padStart(5e8, 'xy')"),
        ("String.prototype.padEnd", "''.padEnd(5e8, 'xy')"),
        ("String.prototype.concat of many long strings", "String.prototype.concat.apply('', new Array(2e4).fill(L))"),
        ("String.prototype.concat of spread long strings", "''.concat(...new Array(2e4).fill(L))"),
        ("String.raw of long pieces", "String.raw({ raw: new Array(2e4).fill(L) })"),
        ("String.raw of an array-like length", "String.raw({ raw: { length: 5e7 } })"),
        ("String.raw of long substitutions", "String.raw.apply(null, [{ raw: new Array(2e4).fill('') }].concat(new Array(2e4).fill(L)))"),
        ("String.prototype.toUpperCase", "'\\u0390'.repeat(4e6).toUpperCase()"),
        ("encodeURIComponent", "encodeURIComponent('\\u0800'.repeat(4e6))"),
        ("encodeURI", "encodeURI('\\u0800'.repeat(4e6))"),
        ("escape", "escape('\\u0800'.repeat(4e6))"),
        ("String.fromCharCode.apply of a typed array", "String.fromCharCode.apply(null, new Uint16Array(4e6))"),
        ("String.fromCharCode of a spread typed array", "String.fromCharCode(...new Uint16Array(4e6))"),
        ("String.fromCodePoint.apply of a typed array", "String.fromCodePoint.apply(null, new Uint16Array(4e6))"),
        ("String.prototype.split into characters", "'x'.repeat(4e6).split('')"),
        ("String.prototype.match of every character", "'x'.repeat(4e6).match(/x/g)"),
        ("String.prototype.matchAll spread", "[...'x'.repeat(4e6).matchAll(/x/g)]"),
        ("spread of a string", "[...'x'.repeat(4e6)]"),
        ("Array.from of a string", "Array.from('x'.repeat(4e6))"),
        ("Array.prototype.join of long elements", "new Array(2e4).fill(L).join('')"),
        ("Array.prototype.join of nested arrays", "[new Array(2e4).fill(L)].join()"),
        ("Array.prototype.join of an array-like", "Array.prototype.join.call({ length: 2e4, __proto__: new Array(2e4).fill(L) }, '')"),
        ("Array.prototype.toString", "new Array(2e4).fill(L).toString()"),
        ("String of an array", "String(new Array(2e4).fill(L))"),
        ("an array added to a string", "new Array(2e4).fill(L) + ''"),
        ("a template literal of an array", "`${new Array(2e4).fill(L)}`"),
        ("Array.prototype.toLocaleString", "new Array(2e4).fill(L).toLocaleString()"),
        ("new Array(n)", "new Array(1e9)"),
        ("Array(n)", "Array(1e9)"),
        ("Array.from of a length", "Array.from({ length: 1e9 })"),
        ("Array.prototype.fill of an array-like", "Array.prototype.fill.call({ length: 1e8 }, 0)"),
        ("Array.prototype.concat of many arrays", "Array.prototype.concat.apply([], new Array(2e4).fill(new Array(2e4).fill(0)))"),
        ("Array.prototype.flat", "new Array(2e4).fill(new Array(2e4).fill(0)).flat()"),
        ("Array.prototype.push.apply of an array-like", "[].push.apply([], { length: 1e8 })"),
        ("Function.prototype.apply of an array-like", "Math.max.apply(null, { length: 1e8 })"),
        ("Function.prototype.apply of a typed array", "Math.max.apply(null, new Uint8Array(8e6))"),
        ("Reflect.apply of an array-like", "Reflect.apply(Math.max, null, { length: 1e8 })"),
        ("Reflect.construct of an array-like", "Reflect.construct(Date, { length: 1e8 })"),
        ("Function.prototype.bind of a spread typed array", "Math.max.bind(null, ...new Uint8Array(8e6))"),
        ("Object.assign of a string", "Object.assign({}, 'x'.repeat(4e6))"),
        ("Object.entries of a typed array", "Object.entries(new Uint8Array(8e6))"),
        ("Object.getOwnPropertyNames of a typed array", "Object.getOwnPropertyNames(new Uint8Array(8e6))"),
        ("JSON.stringify of long strings", "JSON.stringify(new Array(2e4).fill(L))"),
        ("JSON.stringify with a number indentation", "JSON.stringify(new Array(2e5).fill([[[[[[[[[[0]]]]]]]]]]), null, 10)"),
        ("JSON.stringify with a string indentation", "JSON.stringify(new Array(2e5).fill([[[[[[[[[[0]]]]]]]]]]), null, 'yyyyyyyyyy')"),
        ("JSON.stringify of a typed array", "JSON.stringify(new Uint8Array(8e6))"),
        ("TypedArray.prototype.join", "new Uint8Array(4e6).join(L.slice(0, 100))"),
        ("TypedArray.prototype.toString", "new Uint8Array(8e6).fill(255).toString()"),
        ("TypedArray.prototype.toLocaleString", "new Uint8Array(8e6).fill(255).toLocaleString()"),
        ("Array.from of a typed array", "Array.from(new Uint8Array(8e6))"),
        ("spread of a typed array", "[...new Uint8Array(8e6)]"),
        ("Array.prototype.slice of a typed array", "Array.prototype.slice.call(new Uint8Array(8e6))"),
        // A wrapper that calls its built-in through a global the decoder can replace hands that built-in out.
        ("String.prototype.repeat reached through a replaced Function.prototype.call",
            "(function () { var native, call = Function.prototype.call; Function.prototype.call = function () { native = native || this; return ''; }; "
            + "'x'.repeat(1); Function.prototype.call = call; return (native || String.prototype.repeat).call('x', 5e8); })()"),
        ("ArrayBuffer reached through a replaced Reflect",
            "(function () { var native, R = Reflect; Reflect = { construct: function (t) { native = native || t; return {}; } }; "
            + "new ArrayBuffer(8); Reflect = R; return new (native || ArrayBuffer)(5e8); })()"),
        ("String.prototype.replace with a global RegExp matching every character", "'x'.repeat(4e6).replace(/x/g, '')"),
        ("BigInt left shift", "1n << 4000000000n"),
        ("BigInt exponentiation", "2n ** 4000000000n"),
    ];

    public static TheoryData<string> Bombs() => [.. Table().Keys];

    [Theory]
    [MemberData(nameof(Bombs))]
    public void AHugeResultOfABuiltInIsALimitErrorBeforeItIsBuilt(string bomb)
    {
        var decoder = JavaScriptDecoderTests.Decoder(
            $"function decodeUplink(input) {{\n  if (input.bytes[0] === 1) {{\n    {Long} {ManyMatches} {OneMatchInTheMiddle}\n    var r = {Table()[bomb]};\n    return {{ data: {{ n: String(r.length) }} }};\n  }}\n  return {{ data: {{ ok: true }} }};\n}}",
            Limits);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = decoder.Decode(new DecodeInput([1], 1, RecvTime));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var error = Assert.Single(result.Errors);
        Assert.True(IsLimitError(error), error);
        Assert.True(allocated < AllocationBudget, $"{allocated:N0} bytes allocated before the limit stopped it ({error})");
        var next = decoder.Decode(new DecodeInput([0], 1, RecvTime));
        Assert.True(next.Succeeded, string.Join("; ", next.Errors));
    }

    // Any of the sandbox's limits: a guard's RangeError, the memory or array limit, or (on a machine loaded
    // enough that a guarded loop outlasts the generous time limit) the time limit. What tells a guarded
    // built-in from an unguarded one is the allocation, asserted separately.
    private static bool IsLimitError(string error) =>
        error.StartsWith("decoder exceeded its memory limit", StringComparison.Ordinal)
        || error.StartsWith("decoder exceeded its time limit", StringComparison.Ordinal)
        || error.StartsWith("decoder threw an error: Invalid string length", StringComparison.Ordinal)
        || error.StartsWith("decoder threw an error: Invalid array length", StringComparison.Ordinal)
        || error.StartsWith("decoder threw an error: Maximum BigInt size exceeded", StringComparison.Ordinal)
        || error.StartsWith("decoder threw an error: Invalid typed array length", StringComparison.Ordinal)
        || error.StartsWith("decoder threw an error: Array buffer allocation failed", StringComparison.Ordinal);

    private static Dictionary<string, string> Table()
    {
        var table = new Dictionary<string, string>();
        foreach (var (caller, call) in GlobalReplacers)
        {
            foreach (var (replacement, code) in ReplacementsPerMatch)
            {
                table[$"{caller}, 2e4 matches, each replaced by {replacement}"] = $"(function (R) {{ return {call}; }})({code})";
            }
        }
        foreach (var (caller, call) in SingleReplacers)
        {
            foreach (var (replacement, code) in ReplacementsOfOneMatch)
            {
                table[$"{caller}, one match replaced by {replacement}"] = $"(function (R) {{ return {call}; }})({code})";
            }
        }
        foreach (var (name, code) in OtherBombs)
        {
            table[name] = code;
        }
        return table;
    }
}
