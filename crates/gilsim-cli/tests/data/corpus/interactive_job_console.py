# Modelled on "threaded job runner with a command prompt" examples: background workers drain a
# queue while the main thread reads commands with input() until end of input. Run with an
# empty standard input (as a test harness or `< /dev/null` gives it), the prompt is printed
# once, input() raises EOFError, sys.stdin has nothing left, and the console shuts the
# workers down cleanly.
import queue
import sys
import threading

jobs = queue.Queue()
done = []
done_lock = threading.Lock()


def worker():
    while True:
        job = jobs.get()
        if job is None:
            jobs.task_done()
            return
        with done_lock:
            done.append(job * 10)
        jobs.task_done()


workers = [threading.Thread(target=worker, name="worker-%d" % i) for i in range(2)]
for w in workers:
    w.start()
for n in range(5):
    jobs.put(n)

commands = []
while True:
    try:
        line = input("jobs> ")
    except EOFError:
        print()
        print("end of input: shutting down")
        break
    commands.append(line.strip())

leftover = [line for line in sys.stdin] + [sys.stdin.read()]
print("leftover input:", leftover, sys.stdin.isatty())

jobs.join()
for _ in workers:
    jobs.put(None)
for w in workers:
    w.join()
print("commands:", commands, "results:", sorted(done))
