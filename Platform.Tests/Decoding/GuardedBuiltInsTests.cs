using Platform.Core.Decoding;

namespace Platform.Tests.Decoding;

/// <summary>
/// The built-ins that <see cref="BuiltInMemoryBombTests"/> shows guarded still give what Node gives for
/// them, on small inputs (the guards' shortcut straight to the native built-in) and on inputs large enough
/// to take the guards' measuring, slicing and one-match-at-a-time paths while staying within the limits.
/// The expected values are Node 20's output for the same expressions.
/// </summary>
public sealed class GuardedBuiltInsTests
{
    private static readonly Dictionary<string, string> NodeResults = new()
    {
        ["'a-b-c'.replaceAll('-', '+')"] = "a+b+c",
        ["'abc'.replace('b', '[$`|$&|$\\'|$$|$1|$<n>|$]')"] = "a[a|b|c|$|$1|$<n>|$]c",
        ["'abcb'.replace(/(?<n>b)/g, '[$1|$<n>|$2|$01|$10|$&]')"] = "a[b|b|$2|b|b0|b]c[b|b|$2|b|b0|b]",
        ["'aXbXc'.replace(/x/gi, function (m, p) { return m + p; })"] = "aX1bX3c",
        ["'abc'.replaceAll('', '-')"] = "-a-b-c-",
        ["'aaa'.replace(/a*?/g, '<$&>')"] = "<>a<>a<>a<>",
        ["'x'.padStart(4, 'ab') + 'x'.padEnd(3) + 'x'.padEnd(9, '')"] = "abaxx  x",
        ["'a'.concat(1, [2, 3], null)"] = "a12,3null",
        ["String.raw`a${1}b${2}` + String.raw({ raw: ['x', 'y'] }, 7, 8)"] = "a1b2x7y",
        ["[1, [2, [3]], null, undefined].join(';') + String([1, 2]) + [3, 4] + ''"] = "1;2,3;;1,23,4",
        ["(function () { var a = [1]; a.push(a, 2); return a.join('-'); })()"] = "1--2",
        ["JSON.stringify({ b: [1, 'x'], a: { c: 1, d: 2 } }, ['a', 'd', 'b']) + JSON.stringify({ a: [1] }, null, 2) + JSON.stringify({ a: 1, b: 2 }, function (k, v) { return k === 'a' ? undefined : v; })"] = "{\"a\":{\"d\":2},\"b\":[1,\"x\"]}{\n  \"a\": [\n    1\n  ]\n}{\"b\":2}",
        ["JSON.stringify(undefined) === undefined && JSON.stringify({ toJSON: function () { return 5; } })"] = "5",
        ["encodeURIComponent('a b\\u00e9') + encodeURI('/x y') + escape('a\\u0100')"] = "a%20b%C3%A9/x%20ya%u0100",
        ["JSON.stringify(Object.assign({}, 'ab', { c: 1 }))"] = "{\"0\":\"a\",\"1\":\"b\",\"c\":1}",
        ["JSON.stringify('x1y22z'.match(/\\d+/g)) + JSON.stringify('ab'.match(/(a)/))"] = "[\"1\",\"22\"][\"a\",\"a\"]",
        ["/(?<y>\\d{4})-(?<m>\\d\\d)/[Symbol.replace]('2026-12', '$<m>/$<y>')"] = "12/2026",
        ["'x'.repeat(3) + 'ab'.repeat(0)"] = "xxx",
        ["String.prototype.replace.length + ',' + String.prototype.replace.name + ',' + Array.prototype.join.length + ',' + JSON.stringify.length"] = "2,replace,1,3",
        ["(function () { var r = /a/y; r.lastIndex = 1; var s = 'bab'.replace(r, 'c'); return s + r.lastIndex; })()"] = "bcb2",
        ["new Uint8Array(new ArrayBuffer(8), 2, 3).length + new Uint8Array(new ArrayBuffer(8), 4).length"] = "7",
        ["'x'.repeat(2100).replaceAll('x', '$$') === '$'.repeat(2100)"] = "true",
        ["'a'.repeat(2100).concat('xx').replace(/(x)/g, '[$1]') === 'a'.repeat(2100) + '[x][x]'"] = "true",
        ["'a'.repeat(2100).concat('xx').replaceAll('x', '$`').length"] = "6301",
        ["new Uint8Array(170000).join().length"] = "339999",
        ["encodeURIComponent('a'.repeat(470000)) === 'a'.repeat(470000)"] = "true",
        ["JSON.stringify('a'.repeat(66000).concat('12').match(/\\d/g))"] = "[\"1\",\"2\"]",
        ["'a'.repeat(66000).concat('12').replace(/\\d/g, '').length"] = "66000",
    };

    public static TheoryData<string> Expressions() => [.. NodeResults.Keys];

    [Theory]
    [MemberData(nameof(Expressions))]
    public void AGuardedBuiltInGivesWhatNodeGives(string expression)
    {
        var decoder = JavaScriptDecoderTests.Decoder($"function decodeUplink(input) {{ return {{ data: {{ v: String({expression}) }} }}; }}");

        var result = decoder.Decode(new DecodeInput([], 1, DateTimeOffset.Parse("2026-12-07T09:34:15Z")));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(NodeResults[expression], result.Data!["v"]!.GetValue<string>());
    }
}
