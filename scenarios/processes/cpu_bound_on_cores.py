# gilsim: expect=ok cores=4
# The notes' point about processes: each has its own GIL, so CPU-bound work in four
# processes runs on four cores at once, where four threads of one process take turns
# holding one GIL. Compare the virtual times in the summary: ~1.5x of one countdown here (the
# processes start a millisecond or so apart), ~4x with threads
# (scenarios/free_threading/cpu_bound_on_cores.py).
import multiprocessing


def countdown(n):
    while n > 0:
        n -= 1


if __name__ == "__main__":
    workers = [multiprocessing.Process(target=countdown, args=(200000,)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("exit codes:", [w.exitcode for w in workers])
