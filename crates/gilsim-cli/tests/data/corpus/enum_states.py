# Modelled on state-machine workers that use enum.Enum for thread states.
import enum
import threading


class State(enum.Enum):
    IDLE = 1
    RUNNING = 2
    DONE = 3


class Job(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.state = State.IDLE

    def run(self):
        self.state = State.RUNNING
        self.total = sum(range(self.n))
        self.state = State.DONE


jobs = [Job(n) for n in (10, 100, 1000)]
print([j.state.name for j in jobs])
for j in jobs:
    j.start()
for j in jobs:
    j.join()
print([(j.state, j.total) for j in jobs])
print(State.DONE.value, State(2), list(State))
