# keyword: Python's keywords as the simulated version lists them (async and await are keywords
# from 3.7; the soft keywords match, case and _ from 3.10, type from 3.12; 3.9 lists its PEG
# parser's __peg_parser__).
import _gilsim

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield",
]
softkwlist = []
if _gilsim.version < (3, 7):
    kwlist = [word for word in kwlist if word not in ("async", "await")]
if _gilsim.version[:2] == (3, 9):
    kwlist.insert(3, "__peg_parser__")
if _gilsim.version >= (3, 9):
    softkwlist = ["_", "case", "match"] if _gilsim.version >= (3, 10) else []
if _gilsim.version >= (3, 12):
    softkwlist.append("type")

_keywords = frozenset(kwlist)
_soft_keywords = frozenset(softkwlist)


def iskeyword(s):
    return s in _keywords


def issoftkeyword(s):
    return s in _soft_keywords


if _gilsim.version < (3, 9):
    __all__ = ["iskeyword", "kwlist"]
    del softkwlist, _soft_keywords, issoftkeyword
