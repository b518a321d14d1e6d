# gilsim: expect=ok
# A supervisor that signals processes by pid, as watchdog scripts do: it probes each worker
# with signal 0, stops a hung one with SIGTERM and another with SIGKILL (their exit codes
# are minus the signal), then finds the pid gone. It also signals itself: a SIGUSR1 handler
# counts reloads, SIGINT under the default handler is a KeyboardInterrupt, and strsignal
# names the signals (3.8+).
import multiprocessing
import os
import signal
import sys
import time


def hung_worker():
    time.sleep(60)


if __name__ == "__main__":
    workers = [multiprocessing.Process(target=hung_worker, name="hung-%d" % i) for i in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        os.kill(w.pid, 0)
        print(w.name, "answers signal 0:", w.is_alive())
    os.kill(workers[0].pid, signal.SIGTERM)
    os.kill(workers[1].pid, signal.SIGKILL)
    for w in workers:
        w.join()
        print(w.name, "exit code", w.exitcode)
    try:
        os.kill(workers[0].pid, signal.SIGTERM)
    except ProcessLookupError as error:
        print(type(error).__name__, error.errno, error.strerror)

    reloads = []
    signal.signal(signal.SIGUSR1, lambda signum, frame: reloads.append(signal.Signals(signum).name))
    for _ in range(2):
        os.kill(os.getpid(), signal.SIGUSR1)
        time.sleep(0.01)
    print("reloads:", reloads)
    signal.signal(signal.SIGUSR2, signal.SIG_IGN)
    os.kill(os.getpid(), signal.SIGUSR2)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.01)
    except KeyboardInterrupt:
        print("KeyboardInterrupt from SIGINT")
    for bad in [(os.getpid(), 99), ("1", signal.SIGTERM)]:
        try:
            os.kill(*bad)
        except (OSError, TypeError) as error:
            print(type(error).__name__, error)
    if sys.version_info >= (3, 8):
        print([signal.strsignal(s) for s in (signal.SIGTERM, signal.SIGKILL, signal.SIGUSR1, signal.SIGCHLD)])
    else:
        print(['Terminated', 'Killed', 'User defined signal 1', 'Child exited'])
