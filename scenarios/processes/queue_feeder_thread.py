# gilsim: expect=ok
# A multiprocessing.Queue's put() only buffers the object: a feeder thread the first put
# starts pickles it into the pipe later. So the queue can look empty right after a put,
# get_nowait() can raise Empty, a list changed after put() arrives changed, and the process
# has one more thread. Once the feeder has run, the item is there.
import multiprocessing
import queue
import threading
import time


def produce(q):
    q.put("from the child")


if __name__ == "__main__":
    q = multiprocessing.Queue()
    q.put(1)
    print("empty right after put:", q.empty())
    try:
        q.get_nowait()
    except queue.Empty:
        print("get_nowait right after put: Empty")
    print("threads:", sorted(t.name for t in threading.enumerate()))
    time.sleep(0.01)
    print("after the feeder ran:", q.empty(), q.qsize(), q.get_nowait())

    data = [1]
    q.put(data)
    data.append(2)
    print("the list as it was when the feeder pickled it:", q.get())

    child = multiprocessing.Process(target=produce, args=(q,))
    child.start()
    child.join()
    print("the child's item survived its exit:", q.get(timeout=1))
