# gilsim: expect=deadlock
# A watchdog that finds two workers stuck in a lock-order deadlock and dumps every thread's
# stack, as services do before they restart: sys._current_frames() gives each thread's
# innermost frame by ident, and traceback.extract_stack/format_stack walk it down to
# threading.py's bootstrap frames (the watchdog skips its own). The workers are daemons, so
# the program exits; gilsim reports the deadlock it saw.
import sys
import threading
import time
import traceback

left = threading.Lock()
right = threading.Lock()


def transfer(first, second, name):
    with first:
        time.sleep(0.01)
        with second:
            print(name, "done")


a = threading.Thread(target=transfer, args=(left, right, "a"), name="worker-a", daemon=True)
b = threading.Thread(target=transfer, args=(right, left, "b"), name="worker-b", daemon=True)
a.start()
b.start()
time.sleep(0.1)

frames = sys._current_frames()
names = {t.ident: t.name for t in threading.enumerate()}
print("threads with frames:", sorted(names[ident] for ident in frames))
for ident in sorted(frames, key=lambda ident: names[ident]):
    if ident == threading.get_ident():
        continue
    frame = frames[ident]
    print("--- %s in %s(), line %d" % (names[ident], frame.f_code.co_name, frame.f_lineno))
    for filename, lineno, function, line in traceback.extract_stack(frame):
        print("   %s:%d %s: %s" % (filename.rsplit("/", 1)[-1], lineno, function, line))
stuck = frames[b.ident]
print("".join(traceback.format_stack(stuck)[-1:]), end="")
print("alive:", a.is_alive(), b.is_alive(), "locked:", left.locked(), right.locked())
