# Modelled on state-machine examples: a traffic light cycling through Enum states in one
# thread, observers waiting on an Event for each change.
import enum
import threading


class Light(enum.Enum):
    RED = "stop"
    GREEN = "go"
    YELLOW = "slow"

    def next(self):
        order = list(Light)
        return order[(order.index(self) + 1) % len(order)]


changed = threading.Condition()
state = {"light": Light.RED, "changes": 0}
seen = []


def controller():
    for _ in range(4):
        with changed:
            state["light"] = state["light"].next()
            state["changes"] += 1
            changed.notify_all()


def observer():
    with changed:
        while state["changes"] < 4:
            changed.wait()
        seen.append(state["light"])


watchers = [threading.Thread(target=observer) for _ in range(2)]
for w in watchers:
    w.start()
ctl = threading.Thread(target=controller)
ctl.start()
ctl.join()
for w in watchers:
    w.join()
print(seen, Light("go"), Light.YELLOW.value, [l.name for l in Light])
