# The interpreter exits under a daemon thread: how much it printed depends on the schedule.
import threading


def chatter():
    for n in range(3):
        print("tick", n)


threading.Thread(target=chatter, daemon=True).start()
print("main done")
