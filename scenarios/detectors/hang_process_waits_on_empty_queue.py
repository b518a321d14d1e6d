# gilsim: expect=hang
# A worker process waits for a task that never comes (the main process forgot to put it),
# and the main process joins the worker: nothing can run again.
import multiprocessing


def worker(tasks):
    task = tasks.get()
    print("got", task)


if __name__ == "__main__":
    tasks = multiprocessing.Queue()
    p = multiprocessing.Process(target=worker, args=(tasks,))
    p.start()
    p.join()
