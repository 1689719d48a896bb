using Acornima.Ast;
using Jint;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// Script run in every engine before the decoder. Jint builds the results of <c>String.prototype.repeat</c>
/// and of a join's separators natively, outside its time and memory checks (<c>'x'.repeat(5e8)</c> takes
/// seconds and a gigabyte), so both are wrapped to refuse results longer than the memory limit allows.
/// Binary buffers are allocated whole before Jint's memory check runs (<c>new ArrayBuffer(5e8)</c> takes
/// half a gigabyte at once), so the constructors of ArrayBuffer and of every typed array are wrapped to
/// refuse a size beyond the memory limit; a buffer's <c>constructor</c> is the wrapper too, so species
/// constructors (<c>slice</c>, <c>map</c>, <c>from</c>) go through the same check.
/// <c>console</c> exists so that decoders with leftover debug logging still run; it writes nothing.
/// </summary>
internal static class Prelude
{
    private const string Source = """
        (function (maxLength, maxBytes) {
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
          function refuseBeyond(bytes) {
            if (Number(bytes) > maxBytes) throw new RangeError('Array buffer allocation failed: more bytes than the decoder memory limit');
          }
          function guard(name, bytesOf) {
            var original = globalThis[name];
            if (typeof original !== 'function') return;
            var guarded = new Proxy(original, {
              construct: function (target, args, newTarget) {
                refuseBeyond(bytesOf(args, original));
                return Reflect.construct(target, args, newTarget === guarded ? target : newTarget);
              }
            });
            define(globalThis, name, guarded);
            define(original.prototype, 'constructor', guarded);
          }
          function bufferBytes(args) {
            var options = args[1];
            return Math.max(Number(args[0]) || 0, options !== null && typeof options === 'object' ? Number(options.maxByteLength) || 0 : 0);
          }
          function elementBytes(args, type) {
            var source = args[0];
            var length = source !== null && typeof source === 'object'
              ? (source instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && source instanceof SharedArrayBuffer) ? 0 : Number(source.length) || 0)
              : Number(source) || 0;
            return length * type.BYTES_PER_ELEMENT;
          }
          guard('ArrayBuffer', bufferBytes);
          guard('SharedArrayBuffer', bufferBytes);
          ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
           'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'].forEach(function (name) { guard(name, elementBytes); });
          function ignore() {}
          define(globalThis, 'console', { log: ignore, info: ignore, warn: ignore, error: ignore, debug: ignore });
        })
        """;

    public static readonly Prepared<Script> Script = Engine.PrepareScript(Source, source: "prelude.js");
}
