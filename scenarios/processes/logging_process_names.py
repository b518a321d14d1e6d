# gilsim: expect=ok
# A batch job logs from three worker processes, one after another, with the process's name in
# every record (`%(processName)s`: the child's own name, not MainProcess), and turns on
# multiprocessing's own logger (`log_to_stderr`), which reports each child's life on stderr
# — "child process calling self.run()", "process shutting down", "process exiting with
# exitcode N" — and, at the main process's exit, the child it still has to join.
import logging
import multiprocessing
import sys
import threading
import time

logging.basicConfig(
    level=logging.INFO,
    stream=sys.stdout,
    format="%(processName)-10s %(threadName)-10s %(levelname)-8s %(message)s",
)


def crunch(n):
    logging.info("crunching %d", n)
    helper = threading.Thread(
        target=logging.warning, args=("helper of %s", multiprocessing.current_process().name), name="helper"
    )
    helper.start()
    helper.join()
    if n == 3:
        raise SystemExit(3)


def finisher(started):
    started.set()
    time.sleep(0.3)
    logging.info("finished late")


if __name__ == "__main__":
    mplog = multiprocessing.log_to_stderr(logging.INFO)
    print(mplog.name, mplog.propagate, mplog.level, multiprocessing.get_logger() is mplog)
    print(multiprocessing.SUBDEBUG, multiprocessing.SUBWARNING)
    logging.info("starting the batch")
    for n in range(1, 4):
        p = multiprocessing.Process(target=crunch, args=(n,), name="Crunch-%d" % n)
        p.start()
        p.join()
        logging.info("%s exited with %s", p.name, p.exitcode)
    started = multiprocessing.Event()
    late = multiprocessing.Process(target=finisher, args=(started,), name="Finisher")
    late.start()
    started.wait()
    mplog.info("leaving without joining %s", late.name)
    mplog.debug("not shown at INFO")
    sys.stdout.flush()
