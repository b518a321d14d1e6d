# logging.handlers: QueueHandler and QueueListener (records from many threads logged by one
# listener thread, as the logging cookbook shows), BufferingHandler and MemoryHandler, and
# RotatingFileHandler, TimedRotatingFileHandler (on the virtual clock: the machine's zone is
# UTC) and WatchedFileHandler on the run's simulated files, after CPython's
# Lib/logging/handlers.py.
import copy
import os
import queue
import re
import threading
import time
import _gilsim
from logging import ERROR, FileHandler, Handler

_MIDNIGHT = 24 * 60 * 60


class QueueHandler(Handler):
    def __init__(self, queue):
        Handler.__init__(self)
        self.queue = queue

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        # The message formatted once, here; the listener's handlers see a plain record.
        msg = self.format(record)
        record = copy.copy(record)
        record.message = msg
        record.msg = msg
        record.args = None
        record.exc_info = None
        record.exc_text = None
        return record

    def emit(self, record):
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener(object):
    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        self._thread = t = threading.Thread(target=self._monitor)
        t.daemon = True
        t.start()

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level or record.levelno >= handler.level:
                handler.handle(record)

    def _monitor(self):
        q = self.queue
        has_task_done = hasattr(q, "task_done")
        while True:
            try:
                record = self.dequeue(True)
                if record is self._sentinel:
                    if has_task_done:
                        q.task_done()
                    break
                self.handle(record)
                if has_task_done:
                    q.task_done()
            except queue.Empty:
                break

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        if self._thread:
            self.enqueue_sentinel()
            self._thread.join()
            self._thread = None


class BaseRotatingHandler(FileHandler):
    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        FileHandler.__init__(self, filename, mode, encoding, delay, errors)

    def emit(self, record):
        try:
            if self.shouldRollover(record):
                self.doRollover()
            FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        if not callable(self.namer):
            return default_name
        return self.namer(default_name)

    def rotate(self, source, dest):
        if not callable(self.rotator):
            if os.path.exists(source):
                os.rename(source, dest)
        else:
            self.rotator(source, dest)


class RotatingFileHandler(BaseRotatingHandler):
    def __init__(self, filename, mode="a", maxBytes=0, backupCount=0, encoding=None, delay=False, errors=None):
        if maxBytes > 0:
            mode = "a"
        BaseRotatingHandler.__init__(self, filename, mode, encoding, delay, errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def doRollover(self):
        if self.stream:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            for i in range(self.backupCount - 1, 0, -1):
                source = self.rotation_filename("%s.%d" % (self.baseFilename, i))
                target = self.rotation_filename("%s.%d" % (self.baseFilename, i + 1))
                if os.path.exists(source):
                    if os.path.exists(target):
                        os.remove(target)
                    os.rename(source, target)
            target = self.rotation_filename(self.baseFilename + ".1")
            if os.path.exists(target):
                os.remove(target)
            self.rotate(self.baseFilename, target)
        self.stream = self._open()

    def shouldRollover(self, record):
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            msg = "%s\n" % self.format(record)
            self.stream.seek(0, 2)
            if self.stream.tell() + len(msg) >= self.maxBytes:
                return True
        return False


# when: (seconds, strftime suffix, pattern of a rotated file's suffix).
_TIMED_UNITS = {
    "S": (1, "%Y-%m-%d_%H-%M-%S", r"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(\.\w+)?$"),
    "M": (60, "%Y-%m-%d_%H-%M", r"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}(\.\w+)?$"),
    "H": (60 * 60, "%Y-%m-%d_%H", r"^\d{4}-\d{2}-\d{2}_\d{2}(\.\w+)?$"),
    "D": (_MIDNIGHT, "%Y-%m-%d", r"^\d{4}-\d{2}-\d{2}(\.\w+)?$"),
}


class TimedRotatingFileHandler(BaseRotatingHandler):
    # Rolls over at times of the virtual clock; the machine's zone is UTC, so local time is
    # UTC and no DST shift applies.
    def __init__(self, filename, when="h", interval=1, backupCount=0, encoding=None, delay=False, utc=False,
                 atTime=None, errors=None):
        BaseRotatingHandler.__init__(self, filename, "a", encoding=encoding, delay=delay, errors=errors)
        self.when = when.upper()
        self.backupCount = backupCount
        self.utc = utc
        self.atTime = atTime
        unit = "D" if self.when == "MIDNIGHT" else self.when
        if self.when.startswith("W"):
            if len(self.when) != 2:
                raise ValueError("You must specify a day for weekly rollover from 0 to 6 (0 is Monday): %s"
                                 % self.when)
            if self.when[1] < "0" or self.when[1] > "6":
                raise ValueError("Invalid day specified for weekly rollover: %s" % self.when)
            self.dayOfWeek = int(self.when[1])
            seconds, self.suffix, pattern = _TIMED_UNITS["D"]
            seconds *= 7
        elif unit in _TIMED_UNITS:
            seconds, self.suffix, pattern = _TIMED_UNITS[unit]
        else:
            raise ValueError("Invalid rollover interval specified: %s" % self.when)
        self.extMatch = re.compile(pattern, re.ASCII)
        self.interval = seconds * interval
        if os.path.exists(self.baseFilename):
            t = int(os.stat(self.baseFilename).st_mtime)
        else:
            t = int(time.time())
        self.rolloverAt = self.computeRollover(t)

    def computeRollover(self, currentTime):
        result = currentTime + self.interval
        if self.when == "MIDNIGHT" or self.when.startswith("W"):
            t = time.gmtime(currentTime) if self.utc else time.localtime(currentTime)
            current_hour, current_minute, current_second, current_day = t[3], t[4], t[5], t[6]
            if self.atTime is None:
                rotate_ts = _MIDNIGHT
            else:
                rotate_ts = (self.atTime.hour * 60 + self.atTime.minute) * 60 + self.atTime.second
            r = rotate_ts - ((current_hour * 60 + current_minute) * 60 + current_second)
            if r < 0:
                r += _MIDNIGHT
                current_day = (current_day + 1) % 7
            result = currentTime + r
            if self.when.startswith("W"):
                day = current_day
                if day != self.dayOfWeek:
                    if day < self.dayOfWeek:
                        days_to_wait = self.dayOfWeek - day
                    else:
                        days_to_wait = 6 - day + self.dayOfWeek + 1
                    result += days_to_wait * _MIDNIGHT
        return result

    def shouldRollover(self, record):
        t = int(time.time())
        if t >= self.rolloverAt:
            if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
                self.rolloverAt = self.computeRollover(t)
                return False
            return True
        return False

    def getFilesToDelete(self):
        dir_name, base_name = os.path.split(self.baseFilename)
        prefix = base_name + "."
        plen = len(prefix)
        result = []
        for file_name in os.listdir(dir_name):
            if file_name[:plen] == prefix:
                suffix = file_name[plen:]
                if self.extMatch.match(suffix):
                    result.append(os.path.join(dir_name, file_name))
        if len(result) < self.backupCount:
            return []
        result.sort()
        return result[:len(result) - self.backupCount]

    def doRollover(self):
        if self.stream:
            self.stream.close()
            self.stream = None
        current_time = int(time.time())
        t = self.rolloverAt - self.interval
        time_tuple = time.gmtime(t) if self.utc else time.localtime(t)
        dfn = self.rotation_filename(self.baseFilename + "." + time.strftime(self.suffix, time_tuple))
        if os.path.exists(dfn):
            os.remove(dfn)
        self.rotate(self.baseFilename, dfn)
        if self.backupCount > 0:
            for s in self.getFilesToDelete():
                os.remove(s)
        if not self.delay:
            self.stream = self._open()
        new_rollover_at = self.computeRollover(current_time)
        while new_rollover_at <= current_time:
            new_rollover_at = new_rollover_at + self.interval
        self.rolloverAt = new_rollover_at


class WatchedFileHandler(FileHandler):
    # Reopens its file when it was removed or renamed away (logrotate): the simulated
    # files keep no device and inode, so "the same file" is "still at its path".
    def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
        FileHandler.__init__(self, filename, mode, encoding, delay, errors)

    def reopenIfNeeded(self):
        if self.stream is not None and not os.path.exists(self.baseFilename):
            self.stream.flush()
            self.stream.close()
            self.stream = None
            self.stream = self._open()

    def emit(self, record):
        self.reopenIfNeeded()
        FileHandler.emit(self, record)


class BufferingHandler(Handler):
    # Keeps records until shouldFlush() says so; this flush() only forgets them.
    def __init__(self, capacity):
        Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        self.acquire()
        try:
            self.buffer.clear()
        finally:
            self.release()

    def close(self):
        try:
            self.flush()
        finally:
            Handler.close(self)


class MemoryHandler(BufferingHandler):
    # Hands its records to `target` when the buffer is full or a record reaches flushLevel
    # (and when closed, unless flushOnClose is false); without a target it keeps them.
    if _gilsim.version >= (3, 0):
        def __init__(self, capacity, flushLevel=ERROR, target=None, flushOnClose=True):
            BufferingHandler.__init__(self, capacity)
            self.flushLevel = flushLevel
            self.target = target
            self.flushOnClose = flushOnClose
    else:
        # Python 2.7's: always flushed when closed.
        def __init__(self, capacity, flushLevel=ERROR, target=None):
            BufferingHandler.__init__(self, capacity)
            self.flushLevel = flushLevel
            self.target = target

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity or record.levelno >= self.flushLevel

    def setTarget(self, target):
        self.acquire()
        try:
            self.target = target
        finally:
            self.release()

    def flush(self):
        self.acquire()
        try:
            if self.target:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()
        finally:
            self.release()

    def close(self):
        try:
            if getattr(self, "flushOnClose", True):
                self.flush()
        finally:
            self.acquire()
            try:
                self.target = None
                BufferingHandler.close(self)
            finally:
                self.release()
