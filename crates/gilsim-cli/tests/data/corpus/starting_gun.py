# Modelled on tutorial races started by a threading.Event.
# Runners wait for a starting gun (Event), then report in finishing order.
import threading
import time

gun = threading.Event()
finish = []
finish_lock = threading.Lock()


def runner(name, pace):
    gun.wait()
    time.sleep(pace)
    with finish_lock:
        finish.append(name)
        place = len(finish)
    print("{:<8}finished {:>2}{}".format(name, place, "st" if place == 1 else "th" if place > 3 else ["", "", "nd", "rd"][place]))


runners = [threading.Thread(target=runner, args=(n, p)) for n, p in
           [("Alice", 0.3), ("Bob", 0.1), ("Carol", 0.2), ("Dan", 0.4)]]
for r in runners:
    r.start()
print("On your marks...")
time.sleep(0.1)
gun.set()
for r in runners:
    r.join()
print("Podium:", ", ".join(finish[:3]))
