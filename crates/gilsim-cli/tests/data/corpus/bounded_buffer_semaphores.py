# Modelled on the textbook bounded buffer: two counting semaphores (empty slots, full slots)
# and a mutex around the buffer.
import threading

SIZE = 3
buffer = []
mutex = threading.Lock()
empty = threading.Semaphore(SIZE)
full = threading.Semaphore(0)
consumed = []


def producer(items):
    for item in items:
        empty.acquire()
        with mutex:
            buffer.append(item)
            assert len(buffer) <= SIZE
        full.release()


def consumer(count):
    for _ in range(count):
        full.acquire()
        with mutex:
            consumed.append(buffer.pop(0))
        empty.release()


producers = [threading.Thread(target=producer, args=(range(k * 10, k * 10 + 6),)) for k in range(2)]
consumers = [threading.Thread(target=consumer, args=(4,)) for _ in range(3)]
for t in producers + consumers:
    t.start()
for t in producers + consumers:
    t.join()
print(sorted(consumed), buffer, len(consumed))
