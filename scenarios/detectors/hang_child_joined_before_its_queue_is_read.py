# gilsim: expect=hang
# The pitfall multiprocessing's documentation warns about: a child puts a large result in a
# Queue and the parent joins the child before reading it. The child's feeder thread is stuck
# writing a megabyte into a 64 KiB pipe nobody reads, the child waits for its feeder before
# it can exit, and the parent waits for the child. Reading first, then joining, works.
import multiprocessing


def compute(results):
    results.put("x" * 1_000_000)


if __name__ == "__main__":
    results = multiprocessing.Queue()
    child = multiprocessing.Process(target=compute, args=(results,))
    child.start()
    child.join()
    print(len(results.get()))
