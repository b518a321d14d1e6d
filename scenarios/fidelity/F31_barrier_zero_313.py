# F31: Barrier(0) is accepted before 3.13 and rejected by 3.13.
# gilsim: expect=ok python=3.13
import threading

try:
    b = threading.Barrier(0)
    print("accepted", b.parties)
except ValueError as e:
    print("ValueError:", e)
