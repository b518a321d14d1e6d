# Modelled on command dispatchers written with the match statement.
import threading
import queue

commands = queue.Queue()
state = {"count": 0}

def handler():
    while True:
        match commands.get():
            case ("add", n):
                state["count"] += n
                print("add", n)
            case ("sub", n) if n > 0:
                state["count"] -= n
                print("sub", n)
            case {"op": "show"}:
                print("count is", state["count"])
            case "stop":
                print("stopping")
                break
            case other:
                print("unknown", other)

t = threading.Thread(target=handler)
t.start()
for c in [("add", 5), ("sub", 2), ("sub", -1), {"op": "show"}, [1, 2], "stop"]:
    commands.put(c)
t.join()
