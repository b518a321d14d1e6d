# warnings: warn() with CPython's default filters and report format (`file:line: Category:
# message` and the source line, once per line; DeprecationWarning shown when the script
# triggers it from 3.7, PendingDeprecation, Import and Resource warnings ignored), simplefilter /
# filterwarnings ("default", "always", "ignore", "error", "once", "module") by category and
# message, resetwarnings() (which drops the default filters too), catch_warnings(record=True),
# and formatwarning/showwarning (a replaced showwarning, as logging.captureWarnings installs,
# gets each warning the filters let through).
import _gilsim
import re as _re

_onceregistry = set()
_recording = None
# CPython's default filters: from 3.7 a DeprecationWarning shows when the script triggers it
# (every warning here is attributed to the script, `__main__`).
filters = [
    ("ignore", None, PendingDeprecationWarning),
    ("ignore", None, ImportWarning),
    ("ignore", None, ResourceWarning),
]
if _gilsim.version >= (3, 7):
    filters.insert(0, ("default", None, DeprecationWarning))
else:
    filters.insert(0, ("ignore", None, DeprecationWarning))


class WarningMessage(object):
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, self.category.__name__, self.filename, self.lineno, self.line))


def _action_for(category, text):
    for action, message, klass in filters:
        if issubclass(category, klass) and (message is None or message.match(text)):
            return action
    return "default"


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    text = str(message)
    action = _action_for(category, text)
    if action == "ignore":
        return
    if action == "error":
        raise message if isinstance(message, Warning) else category(message)
    if _recording is not None:
        path, line, function = _gilsim.caller(max(stacklevel, 1) - 1)
        instance = message if isinstance(message, Warning) else category(message)
        _recording.append(WarningMessage(instance, category, path, line))
        return
    if action in ("once", "module"):
        if (text, category) in _onceregistry:
            return
        _onceregistry.add((text, category))
    # Read from the module: the script (or logging.captureWarnings) may have replaced it.
    import warnings
    show = warnings.showwarning
    if show is not _original_showwarning:
        path, line, function = _gilsim.caller(max(stacklevel, 1) - 1)
        if action == "default":
            if (text, category, path, line) in _shown:
                return
            _shown.add((text, category, path, line))
        instance = message if isinstance(message, Warning) else category(message)
        show(instance, category, path, line)
        return
    # "default": once per line of the script that warned; "always": every time.
    _gilsim.warn(text, category.__name__, stacklevel, action == "default")


def _source_line(filename, lineno):
    # linecache.getline: the line of a file on the simulated disk (the script is one).
    try:
        with open(filename) as f:
            for number, text in enumerate(f, 1):
                if number == lineno:
                    return text
    except Exception:
        pass
    return ""


def formatwarning(message, category, filename, lineno, line=None):
    text = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        line = _source_line(filename, lineno)
    if line:
        text += "  %s\n" % line.strip()
    return text


def showwarning(message, category, filename, lineno, file=None, line=None):
    if file is None:
        import sys
        file = sys.stderr
        if file is None:
            return
    try:
        file.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


_original_showwarning = showwarning
# The warnings a replaced showwarning was given under "default": (text, category, file, line).
_shown = set()


def _add_filter(action, message, category, append):
    if action not in ("default", "always", "ignore", "error", "once", "module"):
        raise ValueError("invalid action: %r" % (action,))
    entry = (action, message, category)
    if entry in filters:
        filters.remove(entry)
    if append:
        filters.append(entry)
    else:
        filters.insert(0, entry)


def simplefilter(action, category=Warning, lineno=0, append=False):
    _add_filter(action, None, category, append)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    _add_filter(action, _re.compile(message, _re.I) if message else None, category, append)


def resetwarnings():
    del filters[:]


class catch_warnings(object):
    def __init__(self, *, record=False, action=None, category=Warning):
        self._record = record
        self._action = action
        self._category = category

    def __enter__(self):
        global _recording
        import warnings
        self._saved = (list(filters), _recording, warnings.showwarning)
        log = None
        if self._record:
            log = []
            _recording = log
        if self._action is not None:
            simplefilter(self._action, self._category)
        return log

    def __exit__(self, *exc_info):
        global _recording
        import warnings
        saved_filters, _recording, warnings.showwarning = self._saved
        filters[:] = saved_filters
