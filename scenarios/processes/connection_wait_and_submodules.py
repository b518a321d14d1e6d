# gilsim: expect=ok
# multiprocessing's submodules as programs import them: connection.wait() on process
# sentinels and pipe ends (it returns what is ready, first come; CPython may not have reaped
# a process whose sentinel is ready, so exit codes are read after join), a Queue subclass
# built on multiprocessing.queues.Queue with its context, and the classes by the modules
# CPython defines them in.
import multiprocessing
import time
from multiprocessing import queues, synchronize, sharedctypes, process, context
from multiprocessing.connection import Connection, wait


def nap(seconds):
    time.sleep(seconds)


def answer_later(conn, seconds):
    time.sleep(seconds)
    conn.send("answer after %.2f s" % seconds)


class CountingQueue(queues.Queue):
    # The recipe that keeps its own count: queues.Queue wants the context by keyword.
    def __init__(self, *args, **kwargs):
        super().__init__(*args, ctx=multiprocessing.get_context(), **kwargs)
        self.puts = 0

    def put(self, *args, **kwargs):
        self.puts += 1
        super().put(*args, **kwargs)


if __name__ == "__main__":
    slow = multiprocessing.Process(target=nap, args=(0.3,), name="slow")
    quick = multiprocessing.Process(target=nap, args=(0.05,), name="quick")
    try:
        slow.sentinel
    except ValueError as e:
        print("before start:", e)
    slow.start()
    quick.start()
    by_sentinel = {slow.sentinel: slow, quick.sentinel: quick}
    pending = list(by_sentinel)
    while pending:
        for sentinel in wait(pending):
            print("exited:", by_sentinel[sentinel].name)
            pending.remove(sentinel)
    for p in (slow, quick):
        p.join()
        print(p.name, "exit code", p.exitcode)

    reader, writer = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=answer_later, args=(writer, 0.1))
    child.start()
    print("ready at once:", wait([reader], timeout=0.01))
    print("ready later:", wait([reader]) == [reader], reader.recv())
    child.join()
    print("a pipe end is a Connection:", isinstance(reader, Connection), type(reader).__name__)

    q = CountingQueue()
    q.put("a")
    q.put("b")
    print("counted", q.puts, "got", q.get(), q.get(), isinstance(q, multiprocessing.queues.Queue))

    for cls in (queues.Queue, queues.SimpleQueue, queues.JoinableQueue, synchronize.Lock, synchronize.RLock,
                synchronize.Semaphore, synchronize.Condition, synchronize.Event, synchronize.Barrier,
                sharedctypes.Synchronized, process.BaseProcess, context.Process, multiprocessing.TimeoutError):
        print(cls)
    print(type(multiprocessing.Value("i", 1)), type(multiprocessing.Array("d", 3)), type(process.current_process()))
    print(isinstance(multiprocessing.Lock(), synchronize.Lock), context.Process is multiprocessing.Process)
