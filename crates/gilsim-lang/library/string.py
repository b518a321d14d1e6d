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
