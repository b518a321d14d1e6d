# string in Python (CPython's Lib/string.py): the character constants, capwords and Template.
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
