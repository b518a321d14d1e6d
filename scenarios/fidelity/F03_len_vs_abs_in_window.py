# F3: on 3.11+ a call to len() between the read and the write of a shared global is not a
# switch point, a call to abs() is: two threads ±1 a million times lose no update with len()
# in the window and lose updates with abs().
# gilsim: expect=lost-update
import threading

with_len = 0
with_abs = 0
N = 1000000


def bump_len(step):
    global with_len
    for _ in range(N):
        with_len = with_len + step + len("") * 0


def bump_abs(step):
    global with_abs
    for _ in range(N):
        with_abs = with_abs + step * abs(1)


for target in (bump_len, bump_abs):
    ts = [threading.Thread(target=target, args=(s,)) for s in (1, -1)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print("len() in the window:", with_len)
print("abs() in the window lost updates:", with_abs != 0)
