# gilsim: expect=ok python=2.7
# Python 2's multiprocessing: a worker process squares what a Queue brings it and sends the
# results back through another, a None ending the stream; print is a statement. (A Queue's
# feeder thread is made daemonic after it is created: 2.7's Thread takes no daemon=.)
import multiprocessing


def square_all(tasks, results):
    while True:
        n = tasks.get()
        if n is None:
            break
        results.put((n, n * n))
    results.put(None)


if __name__ == '__main__':
    tasks = multiprocessing.Queue()
    results = multiprocessing.Queue()
    worker = multiprocessing.Process(target=square_all, args=(tasks, results))
    worker.start()
    for n in range(5):
        tasks.put(n)
    tasks.put(None)
    while True:
        item = results.get()
        if item is None:
            break
        print 'square of %d is %d' % item
    worker.join()
    print 'worker exit code', worker.exitcode, 'alive:', worker.is_alive()
