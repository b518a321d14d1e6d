# Seed notes 004, subclassing: a Thread subclass overrides run(). Calling run() directly runs
# it in the calling thread (MainThread) — no new thread; start() runs it in a new one.
# gilsim: expect=ok
import threading


class Counter(threading.Thread):
    def __init__(self, num):
        super(Counter, self).__init__()
        self.num = num

    def run(self):
        for i in range(self.num):
            print(f"---run\t{i}--- in {threading.current_thread().name}")


if __name__ == "__main__":
    direct = Counter(3)
    direct.run()
    print("alive after run():", direct.is_alive())
    started = Counter(2)
    started.start()
    started.join()
