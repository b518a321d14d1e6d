# json: CPython's Lib/json encoder and decoder, in the same output format (separators,
# indentation, ensure_ascii escapes, float repr, Infinity/NaN) and with the same errors
# (JSONDecodeError with line and column, "Object of type X is not JSON serializable").

import _gilsim

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        elif ensure_ascii and ord(ch) > 0x7E:
            n = ord(ch)
            if n > 0xFFFF:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
            else:
                out.append("\\u%04x" % n)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _float(o, allow_nan):
    if o != o:
        text = "NaN"
    elif o == float("inf"):
        text = "Infinity"
    elif o == -float("inf"):
        text = "-Infinity"
    else:
        return repr(o)
    if not allow_nan:
        if _gilsim.version >= (3, 12):
            raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder:
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        name = type(o).__name__
        if _gilsim.version < (3, 7):
            name = "'%s'" % name
        raise TypeError("Object of type %s is not JSON serializable" % name)

    def encode(self, o):
        # CPython's C encoder takes a call without indent (JSONEncoder.iterencode's
        # c_make_encoder); _gilsim.json_encode is it for plain data, None for what the Python
        # code below must do (call default, raise, sort mixed keys).
        if self.indent is None and type(self).iterencode is JSONEncoder.iterencode:
            text = _gilsim.json_encode(o, self.ensure_ascii, self.sort_keys, self.item_separator,
                                       self.key_separator)
            if text is not None:
                return text
        return "".join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        chunks = []
        self._encode(o, chunks, 0, [])
        return chunks

    def _key(self, key):
        if getattr(type(key), "_gilsim_value_key_", False):
            # An IntEnum member or an enum's with a str mixin: an int or str in CPython.
            key = key._value_
        if isinstance(key, str):
            return key
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, float):
            return _float(key, self.allow_nan)
        if isinstance(key, int):
            return "%d" % key
        if self.skipkeys:
            return None
        if _gilsim.version < (3, 7):
            raise TypeError("keys must be a string")
        raise TypeError("keys must be str, int, float, bool or None, not %s" % type(key).__name__)

    def _newline(self, level):
        indent = self.indent
        if not isinstance(indent, str):
            indent = " " * indent
        return "\n" + indent * level

    def _encode(self, o, out, level, markers):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append("%d" % o)
        elif isinstance(o, float):
            out.append(_float(o, self.allow_nan))
        elif getattr(type(o), "_gilsim_value_key_", False):
            # An IntEnum member or an enum's with a str mixin: an int or str in CPython.
            self._encode(o._value_, out, level, markers)
        elif isinstance(o, (list, tuple, dict)):
            if self.check_circular:
                if any(m is o for m in markers):
                    raise ValueError("Circular reference detected")
                markers.append(o)
            if isinstance(o, dict):
                self._encode_dict(o, out, level, markers)
            else:
                self._encode_list(o, out, level, markers)
            if self.check_circular:
                markers.pop()
        else:
            self._encode(self.default(o), out, level, markers)

    def _encode_list(self, items, out, level, markers):
        if not items:
            out.append("[]")
            return
        out.append("[")
        inner = self._newline(level + 1) if self.indent is not None else ""
        first = True
        for item in items:
            out.append(inner if first else self.item_separator + inner)
            first = False
            self._encode(item, out, level + 1, markers)
        if self.indent is not None:
            out.append(self._newline(level))
        out.append("]")

    def _encode_dict(self, dct, out, level, markers):
        if not dct:
            out.append("{}")
            return
        out.append("{")
        inner = self._newline(level + 1) if self.indent is not None else ""
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            out.append(inner if first else self.item_separator + inner)
            first = False
            out.append(_quote(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(value, out, level + 1, markers)
        if self.indent is not None:
            out.append(self._newline(level))
        out.append("}")


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


_WHITESPACE = " \t\n\r"
_CONSTANTS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}
_UNESCAPE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class _Decoder:
    def __init__(self, doc, object_hook, parse_float, parse_int, object_pairs_hook=None, parse_constant=None):
        self.doc = doc
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__

    def skip(self, i):
        doc = self.doc
        while i < len(doc) and doc[i] in _WHITESPACE:
            i += 1
        return i

    def value(self, i):
        doc = self.doc
        if i >= len(doc):
            raise JSONDecodeError("Expecting value", doc, i)
        ch = doc[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == "{":
            return self.object(i + 1)
        if ch == "[":
            return self.array(i + 1)
        for word, value in (("null", None), ("true", True), ("false", False)):
            if doc.startswith(word, i):
                return value, i + len(word)
        for word in ("NaN", "Infinity", "-Infinity"):
            if doc.startswith(word, i):
                return self.parse_constant(word), i + len(word)
        return self.number(i)

    def number(self, start):
        doc = self.doc
        i = start
        if i < len(doc) and doc[i] == "-":
            i += 1
        digits = i
        while i < len(doc) and doc[i].isdigit():
            i += 1
        if i == digits or (doc[digits] == "0" and i - digits > 1):
            if i == digits:
                raise JSONDecodeError("Expecting value", doc, start)
            i = digits + 1
        is_float = False
        if i + 1 < len(doc) and doc[i] == "." and doc[i + 1].isdigit():
            is_float = True
            i += 1
            while i < len(doc) and doc[i].isdigit():
                i += 1
        if i < len(doc) and doc[i] in "eE":
            j = i + 1
            if j < len(doc) and doc[j] in "+-":
                j += 1
            if j < len(doc) and doc[j].isdigit():
                is_float = True
                i = j
                while i < len(doc) and doc[i].isdigit():
                    i += 1
        text = doc[start:i]
        return (self.parse_float(text) if is_float else self.parse_int(text)), i

    def string(self, i):
        doc = self.doc
        start = i - 1
        chunks = []
        while True:
            if i >= len(doc):
                raise JSONDecodeError("Unterminated string starting at", doc, start)
            ch = doc[i]
            if ch == '"':
                return "".join(chunks), i + 1
            if ch == "\\":
                if i + 1 >= len(doc):
                    raise JSONDecodeError("Unterminated string starting at", doc, start)
                esc = doc[i + 1]
                if esc == "u":
                    code = doc[i + 2:i + 6]
                    if len(code) != 4 or any(c not in "0123456789abcdefABCDEF" for c in code):
                        raise JSONDecodeError("Invalid \\uXXXX escape", doc, i + 1)
                    n = int(code, 16)
                    i += 6
                    if 0xD800 <= n <= 0xDBFF and doc.startswith("\\u", i):
                        low = doc[i + 2:i + 6]
                        if len(low) == 4 and all(c in "0123456789abcdefABCDEF" for c in low):
                            m = int(low, 16)
                            if 0xDC00 <= m <= 0xDFFF:
                                n = 0x10000 + (((n - 0xD800) << 10) | (m - 0xDC00))
                                i += 6
                    chunks.append(chr(n))
                    continue
                if esc not in _UNESCAPE:
                    raise JSONDecodeError("Invalid \\escape", doc, i)
                chunks.append(_UNESCAPE[esc])
                i += 2
                continue
            if ord(ch) < 0x20:
                raise JSONDecodeError("Invalid control character at", doc, i)
            chunks.append(ch)
            i += 1

    def object(self, i):
        doc = self.doc
        # With object_pairs_hook the members are kept as a list of pairs, duplicates too.
        pairs = [] if self.object_pairs_hook is not None else None
        result = {}
        i = self.skip(i)
        if i < len(doc) and doc[i] == "}":
            return self.finish_object(result, pairs), i + 1
        while True:
            if i >= len(doc) or doc[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", doc, i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(doc) or doc[i] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", doc, i)
            i = self.skip(i + 1)
            value, i = self.value(i)
            if pairs is not None:
                pairs.append((key, value))
            else:
                result[key] = value
            i = self.skip(i)
            if i < len(doc) and doc[i] == "}":
                return self.finish_object(result, pairs), i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.after_comma(i, "}", "object")

    def after_comma(self, comma, closing, what):
        i = self.skip(comma + 1)
        if _gilsim.version >= (3, 13) and i < len(self.doc) and self.doc[i] == closing:
            raise JSONDecodeError("Illegal trailing comma before end of " + what, self.doc, comma)
        return i

    def finish_object(self, result, pairs):
        if pairs is not None:
            return self.object_pairs_hook(pairs)
        if self.object_hook is not None:
            return self.object_hook(result)
        return result

    def array(self, i):
        doc = self.doc
        result = []
        i = self.skip(i)
        if i < len(doc) and doc[i] == "]":
            return result, i + 1
        while True:
            value, i = self.value(i)
            result.append(value)
            i = self.skip(i)
            if i < len(doc) and doc[i] == "]":
                return result, i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.after_comma(i, "]", "array")


def _detect_encoding(b):
    # CPython's json.detect_encoding: a BOM, else the pattern of zero bytes in the first four.
    if b.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if b.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(b) >= 4:
        if not b[0]:
            return "utf-16-be" if b[1] else "utf-32-be"
        if not b[1]:
            return "utf-16-le" if b[2] or b[3] else "utf-32-le"
    elif len(b) == 2:
        if not b[0]:
            return "utf-16-be"
        if not b[1]:
            return "utf-16-le"
    return "utf-8"


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if isinstance(s, bytes):
        s = s.decode(_detect_encoding(s))
    if not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not %s" % type(s).__name__)
    if s.startswith("\ufeff"):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    if (cls is None and object_hook is None and parse_float is None and parse_int is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        # CPython's C scanner; None for a document the Python code below must parse (an
        # error to report, a big int).
        parsed = _gilsim.json_decode(s)
        if parsed is not None:
            return parsed[0]
    decoder = _Decoder(s, object_hook, parse_float or float, parse_int or int, object_pairs_hook, parse_constant)
    i = decoder.skip(0)
    value, end = decoder.value(i)
    end = decoder.skip(end)
    if end != len(s):
        raise JSONDecodeError("Extra data", s, end)
    return value


def load(fp, **kw):
    return loads(fp.read(), **kw)
