# Modelled on documentation-style examples of thread identity and kwargs
import threading
import time

idents = {}

def job(name, delay=0.1, repeat=1):
    for _ in range(repeat):
        time.sleep(delay)
    idents[name] = threading.get_ident()

t1 = threading.Thread(target=job, args=('one',), kwargs={'delay': 0.05, 'repeat': 2})
t2 = threading.Thread(target=job, kwargs=dict(name='two', delay=0.3))
print(t1.is_alive(), t1.ident is None)
t1.start(); t2.start()
time.sleep(0.2)
print(t1.is_alive(), t2.is_alive())
t1.join(); t2.join()
print(sorted(idents), idents['one'] != idents['two'], idents['one'] == t1.ident)
print(threading.get_ident() == threading.main_thread().ident)
print(isinstance(t1.native_id, int), t1.native_id != t2.native_id)
