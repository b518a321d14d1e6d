# is_alive() before a join depends on how far the worker got.
import threading

done = []


def work():
    done.append(1)


worker = threading.Thread(target=work)
worker.start()
print("alive" if worker.is_alive() else "finished", len(done))
worker.join()
print(len(done))
