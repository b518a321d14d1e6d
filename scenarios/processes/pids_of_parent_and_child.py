# gilsim: expect=ok
# Each process has its own pid; a child's parent pid is the pid of the process that
# started it, and threads of one process all share their process's pid.
import multiprocessing
import os
import threading


def report(label, parent_pid):
    print(label, "runs in its own process:", os.getpid() != parent_pid)
    print(label, "knows its parent:", os.getppid() == parent_pid)
    print(label, "is", multiprocessing.current_process().name)


def thread_pid(results):
    results.append(os.getpid())


if __name__ == "__main__":
    me = os.getpid()
    results = []
    t = threading.Thread(target=thread_pid, args=(results,))
    t.start()
    t.join()
    print("a thread shares the process's pid:", results == [me])
    for n in range(2):
        p = multiprocessing.Process(target=report, args=("child %d" % n, me))
        p.start()
        p.join()
        print("child", n, "had a different pid:", p.pid != me, "exit code", p.exitcode)
    print("main is", multiprocessing.current_process().name, "with no parent process:",
          multiprocessing.parent_process() is None)
