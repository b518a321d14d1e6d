# Notes 003, daemon threads and join, written in Python 2 as the notes do: a worker that
# prints, sleeps and prints again; the main thread waits 1 s and says it ends. The worker is
# not a daemon, so the interpreter waits for it and its last line comes after the main
# thread's (run with --python 2.7; compared with CPython 2.7).
# gilsim: expect=ok python=2.7
import threading
import time


def task():
    print 'worker %s starts' % threading.current_thread().name
    time.sleep(2)
    print 'worker %s ends' % threading.current_thread().name


if __name__ == '__main__':
    t = threading.Thread(target=task, args=())
    t.setDaemon(False)
    t.start()
    time.sleep(1)
    print 'main thread %s ends' % threading.current_thread().name
