# Modelled on public state-machine examples: an Enum-driven traffic light in a thread.
import enum
import threading
import time


class Light(enum.Enum):
    RED = 1
    GREEN = 2
    YELLOW = 3

    def next(self):
        order = [Light.RED, Light.GREEN, Light.YELLOW]
        return order[(order.index(self) + 1) % len(order)]


state = Light.RED
history = [state]
stop = threading.Event()


def controller():
    global state
    while not stop.wait(0.1):
        state = state.next()
        history.append(state)


t = threading.Thread(target=controller, name="controller")
t.start()
time.sleep(0.55)
stop.set()
t.join()
print([s.name for s in history])
print(state, state.value, Light(2), Light["YELLOW"], list(Light)[-1])
