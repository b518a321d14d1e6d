# Modelled on "race condition" demonstrations that read, sleep and write a shared value,
# then fix it with a lock.
import threading
import time


class FakeDatabase:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def locked_update(self, name):
        with self._lock:
            local_copy = self.value
            local_copy += 1
            time.sleep(0.1)
            self.value = local_copy


database = FakeDatabase()
threads = [threading.Thread(target=database.locked_update, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("Testing update. Ending value is %d." % database.value)
