# platform: the simulated machine — Linux on x86_64, running the CPython version the run
# models (sys.version_info), so a script that prints where it runs prints the same in every
# run and on every host.
import sys


def python_version():
    return "%d.%d.%d" % sys.version_info[:3]


def python_version_tuple():
    return tuple(str(part) for part in sys.version_info[:3])


def python_implementation():
    return "CPython"


def system():
    return "Linux"


def machine():
    return "x86_64"


def processor():
    return "x86_64"


def architecture(executable=None, bits="", linkage=""):
    return ("64bit", "ELF")


def node():
    return "gilsim"


def release():
    return ""


def version():
    return ""


def platform(aliased=False, terse=False):
    return "Linux-x86_64"
