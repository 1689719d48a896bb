using Acornima.Ast;
using Jint;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// Script run in every engine before the decoder (and before <see cref="ResultSizeGuards"/>, which guards
/// the built-ins that build strings and arrays). Binary buffers are allocated whole before Jint's memory
/// check runs (<c>new ArrayBuffer(5e8)</c> takes half a gigabyte at once), so the constructors of
/// ArrayBuffer and of every typed array are wrapped to refuse a size beyond the memory limit, and a typed
/// array of more elements than an array may hold (its keys, entries and JSON are built natively, one
/// string per element); a buffer's <c>constructor</c> is the wrapper too, so species constructors
/// (<c>slice</c>, <c>map</c>, <c>from</c>) go through the same check. What the wrappers call is captured
/// here, before any decoder can replace <c>Reflect</c> or <c>Array.prototype.slice</c>.
/// <c>console</c> exists so that decoders with leftover debug logging still run; it writes nothing.
/// </summary>
internal static class Prelude
{
    private const string Source = """
        (function (maxBytes, maxElements) {
          'use strict';
          var construct = Reflect.construct, apply = Reflect.apply, slice = Array.prototype.slice, toNumber = Number,
              defineProperty = Object.defineProperty, iterator = Symbol.iterator,
              OriginalArrayBuffer = ArrayBuffer, OriginalSharedArrayBuffer = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : undefined,
              byteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get,
              sharedByteLength = OriginalSharedArrayBuffer && Object.getOwnPropertyDescriptor(OriginalSharedArrayBuffer.prototype, 'byteLength').get;
          function define(target, name, value) {
            defineProperty(target, name, { value: value, writable: true, configurable: true, enumerable: false });
          }
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
                return construct(target, sized(apply(slice, args, []), original), newTarget === guarded ? target : newTarget);
              }
            });
            define(globalThis, name, guarded);
            define(original.prototype, 'constructor', guarded);
          }
          function bufferArgs(args) {
            var length = toNumber(args[0]) || 0, options = args[1];
            if (options !== null && typeof options === 'object') {
              var max = options.maxByteLength;
              options = max === undefined ? {} : { maxByteLength: toNumber(max) || 0 };
              refuseBeyond(options.maxByteLength || 0);
            }
            refuseBeyond(length);
            return [length, options];
          }
          function isBuffer(value) {
            return value instanceof OriginalArrayBuffer || (OriginalSharedArrayBuffer !== undefined && value instanceof OriginalSharedArrayBuffer);
          }
          function bufferBytes(buffer) {
            return buffer instanceof OriginalArrayBuffer ? apply(byteLength, buffer, []) : apply(sharedByteLength, buffer, []);
          }
          function refuseElements(count) {
            if (count > maxElements) throw new RangeError('Invalid typed array length: more elements than the decoder memory limit allows');
          }
          function elementArgs(args, type) {
            var source = args[0];
            if (source === null || typeof source !== 'object') {
              args[0] = toNumber(source) || 0;
              refuseBeyond(args[0] * type.BYTES_PER_ELEMENT);
              refuseElements(args[0]);
            } else if (isBuffer(source)) {
              var offset = toNumber(args[1]) || 0;
              args[1] = offset;
              if (args[2] !== undefined) args[2] = toNumber(args[2]) || 0;
              refuseElements(args[2] !== undefined ? args[2] : (bufferBytes(source) - offset) / type.BYTES_PER_ELEMENT);
            } else if (typeof source[iterator] !== 'function') {
              // A plain array-like: copied into a real array first, whose length the array limit bounds.
              args[0] = apply(slice, source, []);
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
              if (newLength === undefined) return apply(transfer, this, []);
              var length = toNumber(newLength) || 0;
              refuseBeyond(length);
              return apply(transfer, this, [length]);
            });
          });
          function ignore() {}
          define(globalThis, 'console', { log: ignore, info: ignore, warn: ignore, error: ignore, debug: ignore });
        })
        """;

    public static readonly Prepared<Script> Script = Engine.PrepareScript(Source, source: "prelude.js");
}
