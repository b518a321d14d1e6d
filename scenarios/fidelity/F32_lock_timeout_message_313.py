# F32: Lock().acquire(timeout=-2) says "positive" before 3.13, "non-negative number" on 3.13.
# gilsim: expect=ok python=3.13
import threading

try:
    threading.Lock().acquire(timeout=-2)
except ValueError as e:
    print("ValueError:", e)
