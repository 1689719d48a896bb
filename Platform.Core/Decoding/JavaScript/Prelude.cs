using Acornima.Ast;
using Jint;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// Script run in every engine before the decoder. Jint builds the results of <c>String.prototype.repeat</c>
/// and of a join's separators natively, outside its time and memory checks (<c>'x'.repeat(5e8)</c> takes
/// seconds and a gigabyte), so both are wrapped to refuse results longer than the memory limit allows.
/// <c>console</c> exists so that decoders with leftover debug logging still run; it writes nothing.
/// </summary>
internal static class Prelude
{
    private const string Source = """
        (function (maxLength) {
          'use strict';
          var repeat = String.prototype.repeat, join = Array.prototype.join;
          function define(target, name, value) {
            Object.defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
          }
          define(String.prototype, 'repeat', function repeat_(count) {
            var n = Math.floor(Number(count));
            if (n > 0 && String(this).length * n > maxLength) throw new RangeError('Invalid string length');
            return repeat.call(this, count);
          });
          define(Array.prototype, 'join', function join_(separator) {
            var length = Number(this.length) || 0;
            var gap = separator === undefined ? 1 : String(separator).length;
            if (length > 1 && gap * (length - 1) > maxLength) throw new RangeError('Invalid string length');
            return join.call(this, separator);
          });
          function ignore() {}
          define(globalThis, 'console', { log: ignore, info: ignore, warn: ignore, error: ignore, debug: ignore });
        })
        """;

    public static readonly Prepared<Script> Script = Engine.PrepareScript(Source, source: "prelude.js");
}
