# html: escape() and unescape() of CPython's Lib/html/__init__.py (pure Python there too).
# unescape() follows the HTML 5 rules for character references: numeric references to
# invalid code points are replaced as the standard says (the Windows-1252 block, surrogates
# and values past U+10FFFF, noncharacters dropped), and a named reference matches the longest
# HTML 5 entity name it starts with (html.entities.html5), with or without its ';'.
import re as _re
from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """
    Replace special characters "&", "<" and ">" to HTML-safe sequences.
    If the optional flag quote is true (the default), the quotation mark
    characters, both double quote (") and single quote (') characters are also
    translated.
    """
    s = s.replace("&", "&amp;")  # first, so the ones made below stay
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


# Numeric references in 0x80-0x9F name Windows-1252's characters; NUL and CR are replaced.
_invalid_charrefs = {0x00: '\ufffd', 0x0d: '\r'}
for _code, _char in zip(range(0x80, 0xA0),
                        '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f'
                        '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178'):
    _invalid_charrefs[_code] = _char

# Control characters and noncharacters, which a numeric reference cannot produce.
_invalid_codepoints = set(range(0x1, 0x9)) | set(range(0xe, 0x20)) | set(range(0x7f, 0xa0))
_invalid_codepoints |= set(range(0xfdd0, 0xfdf0)) | {0xb}
for _plane in range(17):
    _invalid_codepoints |= {_plane * 0x10000 + 0xfffe, _plane * 0x10000 + 0xffff}
del _code, _char, _plane


def _replace_charref(s):
    s = s.group(1)
    if s[0] == '#':
        if s[1] in 'xX':
            num = int(s[2:].rstrip(';'), 16)
        else:
            num = int(s[1:].rstrip(';'))
        if num in _invalid_charrefs:
            return _invalid_charrefs[num]
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return '\uFFFD'
        if num in _invalid_codepoints:
            return ''
        return chr(num)
    if s in _html5:
        return _html5[s]
    # The longest entity name the reference starts with, the rest kept as text.
    for x in range(len(s) - 1, 1, -1):
        if s[:x] in _html5:
            return _html5[s[:x]] + s[x:]
    return '&' + s


_charref = _re.compile(r'&(#[0-9]+;?'
                       r'|#[xX][0-9a-fA-F]+;?'
                       r'|[^\t\n\f <&#;]{1,32};?)')


def unescape(s):
    """
    Convert all named and numeric character references (e.g. &gt;, &#62;,
    &x3e;) in the string s to the corresponding unicode characters.
    This function uses the rules defined by the HTML 5 standard
    for both valid and invalid character references, and the list of
    HTML 5 named character references defined in html.entities.html5.
    """
    if '&' not in s:
        return s
    return _charref.sub(_replace_charref, s)
