# sys: the names written in Python, loaded on first use — version_info as CPython's struct
# sequence (fields and tuple behaviour). The rest of sys is native (modules/sys.rs).
import _gilsim
from collections import namedtuple as _namedtuple

version_info = _namedtuple("sys.version_info", "major minor micro releaselevel serial")(
    _gilsim.version[0], _gilsim.version[1], 0, "final", 0)
