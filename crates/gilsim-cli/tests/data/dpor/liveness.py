# is_alive(), active_count() and a thread's repr before a join depend on how far the worker got.
import threading

done = []


def work():
    done.append(1)


worker = threading.Thread(target=work)
worker.start()
print("alive" if worker.is_alive() else "finished", len(done))
print(threading.active_count(), "stopped" in repr(worker))
worker.join()
print(len(done))
