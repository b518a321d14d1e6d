# string in Python (CPython's Lib/string.py): the character constants, capwords, Template and
# Formatter (with _string's parser of format strings).
whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(x.capitalize() for x in s.split(sep))


class Template(object):
    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _substitute(self, mapping, safe):
        text = self.template
        out = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch != "$":
                out.append(ch)
                i += 1
                continue
            if text[i + 1:i + 2] == "$":
                out.append("$")
                i += 2
                continue
            braced = text[i + 1:i + 2] == "{"
            start = i + 2 if braced else i + 1
            end = start
            while end < len(text) and (text[end] == "_" or text[end].isalnum()):
                end += 1
            name = text[start:end]
            if not name or (braced and text[end:end + 1] != "}") or name[0].isdigit():
                if safe:
                    out.append(ch)
                    i += 1
                    continue
                raise ValueError("Invalid placeholder in string: line 1, col %d" % (i + 1))
            stop = end + 1 if braced else end
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(text[i:stop])
            else:
                raise KeyError(name)
            i = stop
        return "".join(out)

    def substitute(self, mapping=None, **kws):
        merged = dict(mapping or {})
        merged.update(kws)
        return self._substitute(merged, False)

    def safe_substitute(self, mapping=None, **kws):
        merged = dict(mapping or {})
        merged.update(kws)
        return self._substitute(merged, True)



def _formatter_parser(text):
    # _string.formatter_parser (Objects/stringlib/unicode_format.h's MarkupIterator): the
    # (literal_text, field_name, format_spec, conversion) of each field in turn.
    i = 0
    n = len(text)
    while i < n:
        start = i
        c = None
        markup = False
        while i < n:
            c = text[i]
            i += 1
            if c == "{" or c == "}":
                markup = True
                break
        at_end = i >= n
        length = i - start
        if markup and c == "}" and (at_end or text[i] != "}"):
            raise ValueError("Single '}' encountered in format string")
        if markup and at_end and c == "{":
            raise ValueError("Single '{' encountered in format string")
        if markup:
            if text[i] == c:
                # An escaped brace: the literal text ends with one.
                i += 1
                markup = False
            else:
                length -= 1
        literal = text[start:start + length]
        if not markup:
            yield (literal, None, None, None)
            continue
        field, spec, conversion, i = _parse_field(text, i)
        yield (literal, field, spec, conversion)


def _parse_field(text, i):
    # A field from just past its "{": its name, spec, conversion, and where the text goes on.
    n = len(text)
    start = i
    c = None
    while i < n:
        c = text[i]
        i += 1
        if c == "{":
            raise ValueError("unexpected '{' in field name")
        if c == "[":
            while i < n and text[i] != "]":
                i += 1
            continue
        if c in "}:!":
            break
    # A loop that ran out ended on another character (or on none).
    if c is None or c not in "}:!":
        raise ValueError("expected '}' before end of string")
    field = text[start:i - 1]
    conversion = None
    if c == "}":
        return field, "", conversion, i
    if c == "!":
        if i >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = text[i]
        i += 1
        if i < n:
            c = text[i]
            i += 1
            if c == "}":
                return field, "", conversion, i
            if c != ":":
                raise ValueError("expected ':' after conversion specifier")
    spec_start = i
    depth = 1
    while i < n:
        c = text[i]
        i += 1
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return field, text[spec_start:i - 1], conversion, i
    raise ValueError("unmatched '{' in format spec")


def _field_name_split(field_name):
    # _string.formatter_field_name_split: the first name (an int if all digits) and the
    # (is_attribute, key) steps after it.
    end = 0
    while end < len(field_name) and field_name[end] not in ".[":
        end += 1
    first = field_name[:end]
    if first.isdigit():
        first = int(first)
    return first, _field_steps(field_name, end)


def _field_steps(field_name, i):
    n = len(field_name)
    while i < n:
        c = field_name[i]
        i += 1
        if c == ".":
            start = i
            while i < n and field_name[i] not in ".[":
                i += 1
            if i == start:
                raise ValueError("Empty attribute in format string")
            yield True, field_name[start:i]
        elif c == "[":
            start = i
            while i < n and field_name[i] != "]":
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = field_name[start:i]
            i += 1
            if i < n and field_name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
            yield False, int(key) if key.isdigit() else key
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


class Formatter(object):
    # CPython's string.Formatter: str.format's machinery as overridable steps.
    def format(self, format_string, *args, **kwargs):
        if (3, 0) <= _gilsim.version < (3, 8):
            # Unpacked from one *args there (`self, *args = args`): a list.
            args = list(args)
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == "" and _gilsim.version >= (3, 0):
                    if auto_arg_index is False:
                        raise ValueError("cannot switch from manual field specification to automatic field numbering")
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit() and _gilsim.version >= (3, 0):
                    if auto_arg_index:
                        raise ValueError("cannot switch from manual field specification to automatic field numbering")
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1, auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return "".join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a" and _gilsim.version >= (3, 0):
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first


import _gilsim

if _gilsim.version < (3, 0):
    # Python 2's string module also had the str methods as functions, and locale-named
    # letter constants (the C locale's).
    letters = ascii_letters
    lowercase = ascii_lowercase
    uppercase = ascii_uppercase

    def join(words, sep=" "):
        return sep.join(words)

    joinfields = join

    def split(s, sep=None, maxsplit=-1):
        return s.split(sep, maxsplit)

    splitfields = split

    def upper(s):
        return s.upper()

    def lower(s):
        return s.lower()

    def capitalize(s):
        return s.capitalize()

    def swapcase(s):
        return s.swapcase()

    def strip(s, chars=None):
        return s.strip(chars)

    def lstrip(s, chars=None):
        return s.lstrip(chars)

    def rstrip(s, chars=None):
        return s.rstrip(chars)

    def replace(s, old, new, maxreplace=-1):
        return s.replace(old, new, maxreplace)

    def find(s, *args):
        return s.find(*args)

    def rfind(s, *args):
        return s.rfind(*args)

    def index(s, *args):
        return s.index(*args)

    def count(s, *args):
        return s.count(*args)

    def ljust(s, width, *args):
        return s.ljust(width, *args)

    def rjust(s, width, *args):
        return s.rjust(width, *args)

    def center(s, width, *args):
        return s.center(width, *args)

    def zfill(x, width):
        if not isinstance(x, str):
            x = repr(x)
        return x.zfill(width)

    def atoi(s, base=10):
        return int(s, base)

    def maketrans(frm, to):
        # Python 2's 256-character table for str.translate.
        if len(frm) != len(to):
            raise ValueError("maketrans arguments must have same length")
        table = [chr(i) for i in range(256)]
        for source, target in zip(frm, to):
            table[ord(source)] = target
        return "".join(table)

    def translate(s, table, deletions=""):
        return s.translate(table, deletions)

    def atof(s):
        return float(s)
