# gilsim: expect=ok
# logging.handlers.MemoryHandler buffers records from several threads and hands them to its
# target when the buffer fills or an ERROR arrives; what is left is flushed when logging shuts
# down at exit (atexit), except by a handler made with flushOnClose=False from 3.12 on, whose
# records are dropped there (3.6-3.11 flush every handler at shutdown). BufferingHandler
# alone forgets its records as it flushes.
import logging
import logging.handlers
import threading

target = logging.StreamHandler()
target.setFormatter(logging.Formatter("%(threadName)s %(levelname)s %(message)s"))
memory = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
log = logging.getLogger("app")
log.setLevel(logging.DEBUG)
log.addHandler(memory)
log.propagate = False
lock = threading.Lock()


def work(n):
    with lock:
        log.info("step %d", n)
        if n == 4:
            log.error("failed at %d", n)


threads = [threading.Thread(target=work, args=(i,), name="T%d" % i) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("buffered:", len(memory.buffer))
quiet = logging.handlers.MemoryHandler(10, target=target, flushOnClose=False)
other = logging.getLogger("other")
other.addHandler(quiet)
other.warning("kept until exit?")
buf = logging.handlers.BufferingHandler(2)
logging.getLogger("b").addHandler(buf)
logging.getLogger("b").warning("one")
print(len(buf.buffer))
logging.getLogger("b").warning("two")
print(len(buf.buffer))
log.warning("left in the buffer at exit")
