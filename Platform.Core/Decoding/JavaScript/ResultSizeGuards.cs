using Acornima.Ast;
using Jint;

namespace Platform.Core.Decoding.JavaScript;

/// <summary>
/// Script run in every engine before the decoder, after the <see cref="Prelude"/>. Jint checks its memory
/// limit between statements, so a built-in that builds its whole result natively gets to allocate it all
/// first: <c>'x'.repeat(4000).replaceAll('x', 'y'.repeat(1e5))</c> takes 800 MB in one call. Each built-in
/// that can build a result far larger than its inputs is wrapped here:
/// <list type="bullet">
/// <item>where the size is known before the call (repeat, padStart/padEnd, concat, a join's separators, a
/// replacement without <c>$</c>), the wrapper computes it and refuses a result longer than the memory limit
/// allows, as Node refuses one over its own maximum, with <c>RangeError: Invalid string length</c>;</item>
/// <item>where it is known only as the call goes (a join's elements, the matches of a replacement, the
/// values of JSON.stringify), the wrapper makes the call report each piece to a JavaScript callback that
/// adds up the length, so the limit is met piece by piece and Jint's memory check runs between pieces;</item>
/// <item>where the output is a bounded multiple of the input (a typed array's join, encodeURI, escape),
/// a large input is converted in slices whose results are added up the same way.</item>
/// </list>
/// Small inputs, which is every real decoder's case, go straight to the native built-in after one
/// comparison. Every built-in the wrappers call is captured before the decoder runs, so a decoder that
/// replaces <c>Function.prototype.call</c> or <c>Reflect</c> cannot reach the unwrapped originals.
/// </summary>
internal static class ResultSizeGuards
{
    private const string Source = """
        (function (maxLength, maxElements) {
          'use strict';
          var apply = Reflect.apply, defineProperty = Object.defineProperty, getPrototypeOf = Object.getPrototypeOf,
              getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor, isArray = Array.isArray, toNumber = Number,
              toPrimitiveString = String, floor = Math.floor, min = Math.min, max = Math.max, RangeError_ = RangeError,
              TypeError_ = TypeError, ObjectCtor = Object,
              indexOf = String.prototype.indexOf, stringSlice = String.prototype.slice, charCodeAt = String.prototype.charCodeAt,
              stringValueOf = String.prototype.valueOf, symbolReplace = Symbol.replace, symbolMatch = Symbol.match,
              RegExpCtor = RegExp, objectToString = Object.prototype.toString, arrayIndexOf = Array.prototype.indexOf;

          function define(target, name, original, wrapper) {
            // Same name and length as the built-in, so that code inspecting them sees no difference.
            defineProperty(wrapper, 'name', { value: original.name, configurable: true });
            defineProperty(wrapper, 'length', { value: original.length, configurable: true });
            defineProperty(target, name, { value: wrapper, writable: true, configurable: true, enumerable: false });
          }
          function tooLong() { throw new RangeError_('Invalid string length'); }
          function check(length) { if (length > maxLength) tooLong(); }
          function toString(value) {
            if (typeof value === 'symbol') throw new TypeError_('Cannot convert a Symbol value to a string');
            return toPrimitiveString(value);
          }
          function thisString(value, name) {
            if (value === null || value === undefined) throw new TypeError_('String.prototype.' + name + ' called on null or undefined');
            return toString(value);
          }
          function toObject(value) {
            if (value === null || value === undefined) throw new TypeError_('Cannot convert undefined or null to object');
            return ObjectCtor(value);
          }
          function toLength(value) {
            var n = toNumber(value);
            return n > 0 ? min(floor(n), 9007199254740991) : 0;
          }

          // String.prototype.repeat: the size is the count times the length.
          var repeat = String.prototype.repeat;
          define(String.prototype, 'repeat', repeat, function (count) {
            var s = thisString(this, 'repeat'), n = toNumber(count);
            if (n >= 1 && s.length * floor(n) > maxLength) tooLong();
            return apply(repeat, s, [n]);
          });

          // padStart, padEnd: the size is the requested length, unless there is nothing to pad with.
          ['padStart', 'padEnd'].forEach(function (name) {
            var pad = String.prototype[name];
            define(String.prototype, name, pad, function (maxLen, fillString) {
              var s = thisString(this, name), n = toLength(maxLen);
              var fill = fillString === undefined ? undefined : toString(fillString);
              if (n > maxLength && fill !== '') tooLong();
              return apply(pad, s, [n, fill]);
            });
          });

          // concat: the size is the sum of the parts, each converted once.
          var concat = String.prototype.concat;
          define(String.prototype, 'concat', concat, function () {
            var s = thisString(this, 'concat'), total = s.length, parts = [];
            for (var i = 0; i < arguments.length; i++) {
              parts[i] = toString(arguments[i]);
              total += parts[i].length;
              check(total);
            }
            return apply(concat, s, parts);
          });

          // String.raw, written out: each piece is a statement, so the pieces are measured as they come.
          var raw = String.raw;
          define(String, 'raw', raw, function (template) {
            var literals = toObject(toObject(template).raw), count = toLength(literals.length), result = '';
            for (var i = 0; i < count; i++) {
              result += toString(literals[i]);
              if (i + 1 < count && i + 1 < arguments.length) result += toString(arguments[i + 1]);
              check(result.length);
            }
            return result;
          });

          // Replacements. The template's '$' patterns, a function's results, and every match of a RegExp are
          // known only while the built-in runs, so a replacement that could be too long (the bound below) is
          // run first with a replacer function that adds up the exact length of each replacement and stops at
          // the limit; the real call follows. A replacer function is wrapped to add up its results the same way.
          function dollars(template) {
            var count = 0, i = apply(indexOf, template, ['$']);
            while (i >= 0) { count++; i = apply(indexOf, template, ['$', i + 1]); }
            return count;
          }
          function couldBeTooLong(length, template) {
            // At most length + 1 matches, each replaced by the template with every '$' pattern as long as the subject.
            return length + (length + 1) * (template.length + dollars(template) * length) > maxLength;
          }
          function digit(code) { return code >= 48 && code <= 57 ? code - 48 : -1; }
          // GetSubstitution (ECMA-262 22.1.3.19.1) read once into pieces whose lengths are added up for each
          // match without building its text: a number n >= 0 is n characters as they are, MATCHED, BEFORE and
          // AFTER the '$&', '$`' and "$'" patterns, -10 - k the k-th capture, a string a named group.
          var MATCHED = -1, BEFORE = -2, AFTER = -3;
          function substitutionPieces(template, captureCount, hasGroups) {
            var pieces = [], literal = 0, end = template.length;
            function flush(piece) { if (literal > 0) pieces[pieces.length] = literal; literal = 0; pieces[pieces.length] = piece; }
            for (var i = 0; i < end; i++) {
              if (apply(charCodeAt, template, [i]) !== 36 || i + 1 === end) { literal++; continue; }
              var next = apply(charCodeAt, template, [i + 1]);
              if (next === 36) { literal++; i++; }
              else if (next === 38) { flush(MATCHED); i++; }
              else if (next === 96) { flush(BEFORE); i++; }
              else if (next === 39) { flush(AFTER); i++; }
              else if (digit(next) >= 0) {
                var one = digit(next), two = i + 2 < end ? digit(apply(charCodeAt, template, [i + 2])) : -1;
                var index = two >= 0 && one * 10 + two >= 1 && one * 10 + two <= captureCount ? one * 10 + two : one;
                if (index >= 1 && index <= captureCount) { flush(-10 - index); i += index === one ? 1 : 2; }
                else literal++;
              } else if (next === 60 && hasGroups) {
                var close = apply(indexOf, template, ['>', i + 2]);
                if (close < 0) { literal++; continue; }
                flush(apply(stringSlice, template, [i + 2, close]));
                i = close;
              } else literal++;
            }
            if (literal > 0) pieces[pieces.length] = literal;
            return pieces;
          }
          function substitutionLength(pieces, matched, position, subject, args, groups) {
            var length = 0;
            for (var i = 0; i < pieces.length; i++) {
              var piece = pieces[i], value;
              if (typeof piece === 'string') { value = groups[piece]; length += value === undefined ? 0 : toString(value).length; }
              else if (piece >= 0) length += piece;
              else if (piece === MATCHED) length += matched.length;
              else if (piece === BEFORE) length += position;
              else if (piece === AFTER) length += max(0, subject.length - position - matched.length);
              else { value = args[-10 - piece]; length += value === undefined ? 0 : toString(value).length; }
            }
            return length;
          }
          // A replacer function that adds up the length of the result as the built-in calls it for each match.
          // produce(matched, position, groups, captureCount, args) gives the replacement of one match, or only
          // its length on a measuring run, which then hands the built-in '' so that its own result stays empty.
          function measuring(subjectLength, produce) {
            var total = 0, end = 0;
            return function () {
              var n = arguments.length, groups = arguments[n - 1], hasGroups = groups !== undefined && typeof groups === 'object';
              var captureCount = hasGroups ? n - 4 : n - 3, position = arguments[captureCount + 1], matched = toString(arguments[0]);
              var replacement = produce(matched, position, hasGroups ? groups : undefined, captureCount, arguments);
              var measuredOnly = typeof replacement === 'number';
              total += (position - end) + (measuredOnly ? replacement : replacement.length);
              end = position + matched.length;
              check(total + max(0, subjectLength - end));
              return measuredOnly ? '' : replacement;
            };
          }
          // replace(receiver, subject, replacement) is the native call: String.prototype.replace(All) with a
          // string search, or RegExp.prototype[Symbol.replace]. A measuring run must not move a RegExp's lastIndex.
          function guardedReplace(replace, receiver, subject, replaceValue) {
            if (typeof replaceValue === 'function') {
              return replace(receiver, subject, measuring(subject.length, function (matched, position, groups, captureCount, args) {
                return toString(apply(replaceValue, undefined, args));
              }));
            }
            var template = toString(replaceValue);
            if (couldBeTooLong(subject.length, template)) {
              var lastIndex = receiver instanceof RegExpCtor ? receiver.lastIndex : undefined, pieces;
              replace(receiver, subject, measuring(subject.length, function (matched, position, groups, captureCount, args) {
                if (pieces === undefined) pieces = substitutionPieces(template, captureCount, groups !== undefined);
                return substitutionLength(pieces, matched, position, subject, args, groups);
              }));
              if (lastIndex !== undefined) receiver.lastIndex = lastIndex;
            }
            return replace(receiver, subject, template);
          }
          ['replace', 'replaceAll'].forEach(function (name) {
            var native = String.prototype[name];
            function call(search, subject, replacement) { return apply(native, subject, [search, replacement]); }
            define(String.prototype, name, native, function (searchValue, replaceValue) {
              if (this === null || this === undefined) throw new TypeError_('String.prototype.' + name + ' called on null or undefined');
              // An object search (a RegExp, or anything with Symbol.replace) is the native's to dispatch; the
              // RegExp one is guarded below, and any other is the decoder's own code.
              if (searchValue !== null && (typeof searchValue === 'object' || typeof searchValue === 'function')) {
                return apply(native, this, [searchValue, replaceValue]);
              }
              var subject = toString(this), search = toString(searchValue);
              return guardedReplace(call, search, subject, replaceValue);
            });
          });
          // A global RegExp's replace and match collect every match before Jint checks anything; on a long
          // subject the matches are first found one exec at a time, as the specification writes it, so that the
          // array limit and the memory check meet a subject of millions of matches early.
          var longSubject = 65536;
          function eachMatch(regexp, subject, found) {
            var unicode = regexp.unicode || regexp.unicodeSets;
            regexp.lastIndex = 0;
            for (;;) {
              var result = regexp.exec(subject);
              if (result === null) return;
              var matched = toString(result[0]);
              found(matched);
              if (matched === '') {
                var index = toLength(regexp.lastIndex), code = apply(charCodeAt, subject, [index]);
                var pair = unicode && code >= 0xD800 && code <= 0xDBFF && index + 1 < subject.length;
                regexp.lastIndex = index + (pair ? 2 : 1);
              }
            }
          }
          var regExpReplace = RegExp.prototype[symbolReplace];
          function callRegExp(regexp, subject, replacement) { return apply(regExpReplace, regexp, [subject, replacement]); }
          define(RegExp.prototype, symbolReplace, regExpReplace, function (string, replaceValue) {
            var subject = toString(string);
            if (subject.length >= longSubject && toObject(this).global) {
              var count = 0;
              eachMatch(this, subject, function () { if (++count > maxElements) throw new RangeError_('Invalid array length: more matches than the decoder memory limit allows'); });
            }
            return guardedReplace(callRegExp, this, subject, replaceValue);
          });
          var regExpMatch = RegExp.prototype[symbolMatch];
          define(RegExp.prototype, symbolMatch, regExpMatch, function (string) {
            var subject = toString(string), regexp = this;
            if (subject.length < longSubject || !toObject(regexp).global) return apply(regExpMatch, regexp, [subject]);
            var matches = [], n = 0;
            eachMatch(regexp, subject, function (matched) { matches[n++] = matched; });
            return n === 0 ? null : matches;
          });

          // Array.prototype.join (and so toString, String(array), array + ''): each element is converted once,
          // its length added up, and the strings joined natively. An array met again inside itself joins as ''
          // as in every engine, rather than recursing until the recursion limit.
          var join = Array.prototype.join, joining = [];
          function joinElements(o, sep, convert) {
            var n = toLength(o.length);
            if (n > 1 && sep.length * (n - 1) > maxLength) tooLong();
            for (var j = 0; j < joining.length; j++) if (joining[j] === o) return '';
            joining[joining.length] = o;
            try {
              var parts = [], total = sep.length * max(0, n - 1);
              // Inlined (no call per element for strings and numbers): join is on many decoders' hot path.
              for (var i = 0; i < n; i++) {
                var element = o[i], part = typeof element === 'string' ? element
                  : element === undefined || element === null ? '' : convert === toString && typeof element === 'number' ? '' + element : convert(element);
                parts[i] = part;
                total += part.length;
                if (total > maxLength) tooLong();
              }
              return apply(join, parts, [sep]);
            } finally {
              joining.length--;
            }
          }
          define(Array.prototype, 'join', join, function (separator) {
            var o = toObject(this);
            return joinElements(o, separator === undefined ? ',' : toString(separator), toString);
          });
          function localeString(element) { return toString(toObject(element).toLocaleString()); }
          var arrayToLocaleString = Array.prototype.toLocaleString;
          define(Array.prototype, 'toLocaleString', arrayToLocaleString, function () {
            return joinElements(toObject(this), ',', localeString);
          });

          // Typed arrays: every element is a number of at most 25 characters, so a join's size has a bound;
          // past the limit it is joined in slices whose lengths are added up.
          var TypedArrayPrototype = getPrototypeOf(Int8Array.prototype), typedJoin = TypedArrayPrototype.join,
              typedLength = getOwnPropertyDescriptor(TypedArrayPrototype, 'length').get, subarray = TypedArrayPrototype.subarray;
          define(TypedArrayPrototype, 'join', typedJoin, function (separator) {
            var n = apply(typedLength, this, []), sep = separator === undefined ? ',' : toString(separator);
            if (n < 2 || 25 * n + sep.length * (n - 1) <= maxLength) return apply(typedJoin, this, [sep]);
            if (sep.length * (n - 1) > maxLength) tooLong();
            var step = max(1, floor(1048576 / (25 + sep.length))), result = '';
            for (var i = 0; i < n; i += step) {
              var slice = apply(typedJoin, apply(subarray, this, [i, min(i + step, n)]), [sep]);
              result = i === 0 ? slice : result + sep + slice;
              check(result.length);
            }
            return result;
          });
          var typedToLocaleString = TypedArrayPrototype.toLocaleString;
          define(TypedArrayPrototype, 'toLocaleString', typedToLocaleString, function () {
            apply(typedLength, this, []);
            return joinElements(this, ',', localeString);
          });

          // encodeURI, encodeURIComponent, escape: at most 9 (6 for escape) characters for each one in; a
          // longer input is converted in slices that never split a surrogate pair.
          [['encodeURI', 9], ['encodeURIComponent', 9], ['escape', 6]].forEach(function (entry) {
            var name = entry[0], growth = entry[1], encode = globalThis[name];
            if (typeof encode !== 'function') return;
            define(globalThis, name, encode, function (value) {
              var s = toString(value);
              if (s.length * growth <= maxLength) return apply(encode, undefined, [s]);
              var result = '', start = 0;
              while (start < s.length) {
                var end = min(start + 65536, s.length), last = apply(charCodeAt, s, [end - 1]);
                if (end < s.length && last >= 0xD800 && last <= 0xDBFF) end++;
                result += apply(encode, undefined, [apply(stringSlice, s, [start, end])]);
                check(result.length);
                start = end;
              }
              return result;
            });
          });

          // Object.assign copies a string's characters one property each: a long string is millions of
          // properties built natively, so a source with more characters than an array may hold is refused.
          var assign = Object.assign;
          define(Object, 'assign', assign, function (target) {
            for (var i = 1; i < arguments.length; i++) {
              var source = arguments[i], length = -1;
              if (typeof source === 'string') length = source.length;
              else if (source !== null && typeof source === 'object') {
                try { length = apply(stringValueOf, source, []).length; } catch (e) { length = -1; }
              }
              if (length > maxElements) throw new RangeError_('Invalid array length: more properties than the decoder memory limit allows');
            }
            return apply(assign, undefined, arguments);
          });

          // JSON.stringify: a replacer function sees every value, adds up the length of its strings,
          // and gives Jint's memory check a statement between values. A replacer given by the decoder is called
          // from it as before; a list of property names is applied by it, in the list's order, as the native would.
          var stringify = JSON.stringify;
          define(JSON, 'stringify', stringify, function (value, replacer, space) {
            var total = 0, names;
            if (typeof replacer !== 'function' && isArray(replacer)) {
              names = [];
              for (var i = 0; i < replacer.length; i++) {
                var item = replacer[i], name;
                if (typeof item === 'string' || typeof item === 'number') name = toString(item);
                else if (item !== null && typeof item === 'object') {
                  var tag = apply(objectToString, item, []);
                  if (tag === '[object String]' || tag === '[object Number]') name = toString(item);
                }
                if (name !== undefined && apply(arrayIndexOf, names, [name]) < 0) names[names.length] = name;
              }
            }
            var replacerFunction = typeof replacer === 'function';
            function measure(key, v) {
              if (replacerFunction) v = apply(replacer, this, [key, v]);
              // Strings are what can be repeated by reference into a huge text; anything else (keys, numbers,
              // indentation) grows with the object graph, and the call itself gives Jint's memory check its turn.
              if (typeof v === 'string' && (total += v.length) > maxLength) tooLong();
              if (names !== undefined && v !== null && typeof v === 'object' && !isArray(v)) {
                var picked = {};
                for (var j = 0; j < names.length; j++) if (names[j] in v) picked[names[j]] = v[names[j]];
                return picked;
              }
              return v;
            }
            return apply(stringify, JSON, [value, measure, space]);
          });
        })
        """;

    public static readonly Prepared<Script> Script = Engine.PrepareScript(Source, source: "guards.js");
}
