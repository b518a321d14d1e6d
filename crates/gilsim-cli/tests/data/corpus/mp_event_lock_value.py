# Modelled on the multiprocessing docs' shared-state section: Event start gate, Lock around Value, an Array of doubles.
from multiprocessing import Process, Event, Lock, Value, Array

def worker(ev, lock, total, arr, idx):
    ev.wait()
    for _ in range(100):
        with lock:
            total.value += 1
    arr[idx] = idx * idx

if __name__ == "__main__":
    ev = Event()
    lock = Lock()
    total = Value("i", 0)
    arr = Array("d", 4)
    ps = [Process(target=worker, args=(ev, lock, total, arr, i)) for i in range(4)]
    for p in ps:
        p.start()
    print("event set?", ev.is_set())
    ev.set()
    for p in ps:
        p.join()
    print(total.value, list(arr), arr[:2], len(arr))
    print(type(total.get_lock()).__name__)
