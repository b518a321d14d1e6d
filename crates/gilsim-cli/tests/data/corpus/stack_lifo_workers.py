# Modelled on queue.LifoQueue examples processing tasks most-recent-first.
import queue
import threading

stack = queue.LifoQueue()
for i in range(1, 6):
    stack.put("task-%d" % i)
order = []


def worker():
    while not stack.empty():
        try:
            item = stack.get_nowait()
        except queue.Empty:
            break
        order.append(item)
        stack.task_done()


t = threading.Thread(target=worker)
t.start()
t.join()
stack.join()
print(order)
print("empty:", stack.empty(), "qsize:", stack.qsize())
