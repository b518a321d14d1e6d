# Modelled on state-machine examples that keep allowed transitions in frozensets
import threading
import time

ALLOWED = {
    'idle': frozenset({'running'}),
    'running': frozenset({'paused', 'done'}),
    'paused': frozenset({'running', 'done'}),
    'done': frozenset(),
}

class Job:
    def __init__(self, name):
        self.name = name
        self.state = 'idle'
        self.lock = threading.Lock()
        self.history = ['idle']
    def move(self, new):
        with self.lock:
            if new not in ALLOWED[self.state]:
                return False
            self.state = new
            self.history.append(new)
            return True

job = Job('build')
def driver(steps, delay):
    for s in steps:
        time.sleep(delay)
        job.move(s)

a = threading.Thread(target=driver, args=(['running', 'paused', 'running'], 0.1))
b = threading.Thread(target=driver, args=(['done', 'done'], 0.25))
a.start(); b.start(); a.join(); b.join()
print(job.history)
print(sorted(ALLOWED['paused']), len(ALLOWED['done']), frozenset('ab') == frozenset('ba'))
print({frozenset({1, 2}): 'pair'}[frozenset({2, 1})], ALLOWED['running'] | {'x'} == {'paused', 'done', 'x'})
