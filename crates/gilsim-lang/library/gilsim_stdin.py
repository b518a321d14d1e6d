# `input()`: a simulated run reads no terminal — its standard input is empty, as CPython's is
# under `< /dev/null`: the prompt is written to stdout, then EOFError. Linked when a script
# calls input().
import sys


def input(prompt=""):
    if prompt != "":
        sys.stdout.write(str(prompt))
        sys.stdout.flush()
    raise EOFError("EOF when reading a line")
