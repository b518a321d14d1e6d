# sysconfig: the build facts of the simulated interpreter, as a Debian-style CPython 3.x for
# x86-64 Linux reports them (the layout sys.executable and tracebacks show: /usr/bin,
# /usr/lib/python3.X). What a script asks most — `get_config_var("Py_GIL_DISABLED")` to tell
# a free-threaded build (1 under `--python 3.13t`, 0 on 3.13, None before: CPython defines it
# from 3.13), the ABI tag, the platform — answers as CPython does. A name the build does not
# define is None, as there.
import sys
import _gilsim

_MAJOR, _MINOR = _gilsim.version
_SHORT = "%d.%d" % (_MAJOR, _MINOR)
_NODOT = "%d%d" % (_MAJOR, _MINOR)
_ABIFLAGS = ("m" if _gilsim.version < (3, 8) else "") + ("t" if _gilsim.free_threaded else "")
_SOABI = "cpython-%s%s-x86_64-linux-gnu" % (_NODOT, _ABIFLAGS)
_STDLIB = "/usr/lib/python" + _SHORT
_SITE = "/usr/local/lib/python%s/dist-packages" % _SHORT

_CONFIG_VARS = {
    "prefix": "/usr",
    "exec_prefix": "/usr",
    "base": "/usr",
    "platbase": "/usr",
    "installed_base": "/usr",
    "installed_platbase": "/usr",
    "projectbase": "/usr/bin",
    "BINDIR": "/usr/bin",
    "LIBDIR": "/usr/lib",
    "LIBDEST": _STDLIB,
    "BINLIBDEST": _STDLIB,
    "INCLUDEPY": "/usr/include/python" + _SHORT + _ABIFLAGS,
    "VERSION": _SHORT,
    "py_version": sys.version.split()[0],
    "py_version_short": _SHORT,
    "py_version_nodot": _NODOT,
    "abiflags": _ABIFLAGS,
    "LDVERSION": _SHORT + _ABIFLAGS,
    "SOABI": _SOABI,
    "EXT_SUFFIX": "." + _SOABI + ".so",
    "SHLIB_SUFFIX": ".so",
    "MULTIARCH": "x86_64-linux-gnu",
    "HOST_GNU_TYPE": "x86_64-pc-linux-gnu",
    "MACHDEP": "linux",
    "SIZEOF_VOID_P": 8,
    "SIZEOF_SIZE_T": 8,
    "SIZEOF_LONG": 8,
    "SIZEOF_INT": 4,
    "SIZEOF_DOUBLE": 8,
    "WITH_PYMALLOC": 0 if _gilsim.free_threaded else 1,
    "WITH_DOC_STRINGS": 1,
    "WITH_THREAD": 1,
    "Py_DEBUG": 0,
    "Py_ENABLE_SHARED": 1,
    "CC": "x86_64-linux-gnu-gcc",
    "EXE": "",
}
if _gilsim.version < (3, 0):
    # 2.7 builds name no ABI (PEP 3149 came with 3.2).
    for _name in ("abiflags", "LDVERSION", "SOABI", "EXT_SUFFIX"):
        del _CONFIG_VARS[_name]
    _CONFIG_VARS["SO"] = ".so"
if _gilsim.version >= (3, 9):
    _CONFIG_VARS["platlibdir"] = "lib"
if _gilsim.version >= (3, 13):
    _CONFIG_VARS["Py_GIL_DISABLED"] = 1 if _gilsim.free_threaded else 0

_SCHEME_NAMES = ("nt", "nt_user", "osx_framework_user", "posix_home", "posix_prefix", "posix_user")
if _gilsim.version >= (3, 11):
    _SCHEME_NAMES = ("nt", "nt_user", "nt_venv", "osx_framework_user", "posix_home", "posix_prefix",
                     "posix_user", "posix_venv", "venv")

_PATHS = {
    "stdlib": _STDLIB,
    "platstdlib": _STDLIB,
    "purelib": _SITE,
    "platlib": _SITE,
    "include": _CONFIG_VARS["INCLUDEPY"],
    "platinclude": _CONFIG_VARS["INCLUDEPY"],
    "scripts": "/usr/local/bin",
    "data": "/usr/local",
}


def get_config_var(name):
    return _CONFIG_VARS.get(name)


def get_config_vars(*args):
    if args:
        return [_CONFIG_VARS.get(name) for name in args]
    return _CONFIG_VARS


def get_platform():
    return "linux-x86_64"


def get_python_version():
    return _SHORT


def is_python_build(check_home=False):
    return False


def get_scheme_names():
    return _SCHEME_NAMES


if _gilsim.version >= (3, 10):
    def get_default_scheme():
        return "posix_prefix"

    def get_preferred_scheme(key):
        if key not in ("prefix", "home", "user"):
            raise ValueError("unknown key %r" % (key,))
        return {"prefix": "posix_prefix", "home": "posix_home", "user": "posix_user"}[key]


def get_path_names():
    return ("stdlib", "platstdlib", "purelib", "platlib", "include", "scripts", "data")


def get_paths(scheme=None, vars=None, expand=True):
    return dict(_PATHS)


def get_path(name, scheme=None, vars=None, expand=True):
    return _PATHS[name]
