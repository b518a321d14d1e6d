# Two threads each make three `with lock:` increments of a shared counter: the scenario
# of the schedules-per-second benchmark (bench/explore.sh).
import threading

lock = threading.Lock()
count = 0

def work():
    global count
    for _ in range(3):
        with lock:
            count += 1

threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert count == 6
