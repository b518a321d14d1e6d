# Modelled on examples printing the names threads get by default (Thread-N (target)).
import threading


def task():
    pass


def named_task():
    pass


ts = [threading.Thread(target=task), threading.Thread(target=named_task), threading.Thread(target=lambda: None), threading.Thread()]
for t in ts:
    print(t.name)


class Worker(threading.Thread):
    def run(self):
        pass


w = Worker()
print(w.name)
print(threading.main_thread().name, threading.current_thread().name)
t = threading.Timer(0.01, task)
print(t.name)
t.start(); t.join()
print(threading.active_count())
