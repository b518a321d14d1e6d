# signal: the signal numbers (Signals), SIG_DFL/SIG_IGN (Handlers), signal(), getsignal(),
# default_int_handler and raise_signal() (3.8+) as CPython's module has them. Nothing outside
# a run sends it signals: a handler runs only through raise_signal() or os.kill() of the
# run's own process, in the calling thread;
# pause() waits for ever (gilsim reports the hang), and SIG_DFL raised for a signal that would
# end the process is refused (docs/language.md).
import os as _os
import _gilsim
import threading
from enum import IntEnum


class Signals(IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGCHLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGURG = 23
    SIGXCPU = 24
    SIGXFSZ = 25
    SIGVTALRM = 26
    SIGPROF = 27
    SIGWINCH = 28
    SIGIO = 29
    SIGPWR = 30
    SIGSYS = 31


class Handlers(IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
NSIG = 65
SIGHUP = Signals.SIGHUP
SIGINT = Signals.SIGINT
SIGQUIT = Signals.SIGQUIT
SIGILL = Signals.SIGILL
SIGTRAP = Signals.SIGTRAP
SIGABRT = Signals.SIGABRT
SIGBUS = Signals.SIGBUS
SIGFPE = Signals.SIGFPE
SIGKILL = Signals.SIGKILL
SIGUSR1 = Signals.SIGUSR1
SIGSEGV = Signals.SIGSEGV
SIGUSR2 = Signals.SIGUSR2
SIGPIPE = Signals.SIGPIPE
SIGALRM = Signals.SIGALRM
SIGTERM = Signals.SIGTERM
SIGCHLD = Signals.SIGCHLD
SIGCONT = Signals.SIGCONT
SIGSTOP = Signals.SIGSTOP
SIGTSTP = Signals.SIGTSTP
SIGTTIN = Signals.SIGTTIN
SIGTTOU = Signals.SIGTTOU
SIGURG = Signals.SIGURG
SIGXCPU = Signals.SIGXCPU
SIGXFSZ = Signals.SIGXFSZ
SIGVTALRM = Signals.SIGVTALRM
SIGPROF = Signals.SIGPROF
SIGWINCH = Signals.SIGWINCH
SIGIO = Signals.SIGIO
SIGPWR = Signals.SIGPWR
SIGSYS = Signals.SIGSYS
SIGIOT = Signals.SIGABRT
SIGPOLL = Signals.SIGIO


def default_int_handler(signalnum, frame):
    raise KeyboardInterrupt


_handlers = {}


def _check_number(signalnum):
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")


def getsignal(signalnum):
    _check_number(signalnum)
    if signalnum == SIGINT:
        return _handlers.get(signalnum, default_int_handler)
    return _handlers.get(signalnum, SIG_DFL)


def signal(signalnum, handler):
    if threading.current_thread() is not threading.main_thread():
        if _gilsim.version >= (3, 9):
            raise ValueError("signal only works in main thread of the main interpreter")
        raise ValueError("signal only works in main thread")
    _check_number(signalnum)
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    if signalnum in (SIGKILL, SIGSTOP):
        raise OSError(22, "Invalid argument")
    previous = getsignal(signalnum)
    _handlers[signalnum] = handler
    return previous


def raise_signal(signalnum):
    _check_number(signalnum)
    # The signal's delivery to the run's own process (library/os.py).
    _os.kill(_os.getpid(), int(signalnum))


_DESCRIPTIONS = (None, "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted",
                 "Bus error", "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault",
                 "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited",
                 "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
                 "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded",
                 "Virtual timer expired", "Profiling timer expired", "Window changed", "I/O possible",
                 "Power failure", "Bad system call")


def strsignal(signalnum):
    # glibc's descriptions; None for the two signals glibc keeps for itself (32, 33).
    _check_number(signalnum)
    if signalnum < len(_DESCRIPTIONS):
        return _DESCRIPTIONS[signalnum]
    if signalnum >= 34:
        return "Real-time signal %d" % (signalnum - 34)
    return None


def pause():
    threading.Event().wait()


if _gilsim.version < (3, 8):
    del raise_signal
    del strsignal
