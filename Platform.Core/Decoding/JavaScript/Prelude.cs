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
            if (bytes > maxBytes) throw new RangeError('Array buffer allocation failed: more bytes than the decoder memory limit');
          }
          // Every size is converted to a number once, checked, and that number is what the real
          // constructor gets: a valueOf or a length getter cannot answer small to the check and huge after.
          function guard(name, sized) {
            var original = globalThis[name];
            if (typeof original !== 'function') return;
            var guarded = new Proxy(original, {
              construct: function (target, args, newTarget) {
                return Reflect.construct(target, sized(Array.prototype.slice.call(args), original), newTarget === guarded ? target : newTarget);
              }
            });
            define(globalThis, name, guarded);
            define(original.prototype, 'constructor', guarded);
          }
          function bufferArgs(args) {
            var length = Number(args[0]) || 0, options = args[1];
            if (options !== null && typeof options === 'object') {
              var max = options.maxByteLength;
              options = max === undefined ? {} : { maxByteLength: Number(max) || 0 };
              refuseBeyond(options.maxByteLength || 0);
            }
            refuseBeyond(length);
            return [length, options];
          }
          function isBuffer(value) {
            return value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);
          }
          function elementArgs(args, type) {
            var source = args[0];
            if (source === null || typeof source !== 'object') {
              args[0] = Number(source) || 0;
              refuseBeyond(args[0] * type.BYTES_PER_ELEMENT);
            } else if (!isBuffer(source) && typeof source[Symbol.iterator] !== 'function') {
              // A plain array-like: copied into a real array first, whose length the array limit bounds.
              args[0] = Array.prototype.slice.call(source);
            }
            return args;
          }
          guard('ArrayBuffer', bufferArgs);
          guard('SharedArrayBuffer', bufferArgs);
          ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
           'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'].forEach(function (name) { guard(name, elementArgs); });
          // transfer allocates through the engine's own ArrayBuffer, not the wrapper above.
          ['transfer', 'transferToFixedLength'].forEach(function (name) {
            var transfer = ArrayBuffer.prototype[name];
            if (typeof transfer !== 'function') return;
            define(ArrayBuffer.prototype, name, function (newLength) {
              if (newLength === undefined) return transfer.call(this);
              var length = Number(newLength) || 0;
              refuseBeyond(length);
              return transfer.call(this, length);
            });
          });
          function ignore() {}
          define(globalThis, 'console', { log: ignore, info: ignore, warn: ignore, error: ignore, debug: ignore });
        })
        """;

    public static readonly Prepared<Script> Script = Engine.PrepareScript(Source, source: "prelude.js");
}
