# Seed case 10 (the common mistake): target=obj.method(args) calls the method right away in
# the main thread and passes its result (None) as the target, so the two "threads" run one
# after the other inside main and the started threads do nothing: 6 s in total, not 4 s.
# gilsim: expect=ok
import threading
from time import sleep, ctime


class Job:
    def loop(self, tag, seconds):
        print("start", tag, "in", threading.current_thread().name, "at", ctime())
        sleep(seconds)
        print("done", tag, "at", ctime())


print("starting at", ctime())
t1 = threading.Thread(target=Job().loop("LOOP1", 4))
t2 = threading.Thread(target=Job().loop("LOOP2", 2))
t1.start()
t2.start()
t1.join()
t2.join()
print("all done at", ctime())
