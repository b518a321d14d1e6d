# Modelled on the "dining savages" problem from the Little Book of Semaphores, in Python threads.
import threading

M = 3
servings = 0
mutex = threading.Lock()
empty_pot = threading.Semaphore(0)
full_pot = threading.Semaphore(0)
eaten = []
refills = []


def cook(times):
    global servings
    for i in range(times):
        empty_pot.acquire()
        servings = M
        refills.append(i)
        full_pot.release()


def savage(name, meals):
    global servings
    for _ in range(meals):
        with mutex:
            if servings == 0:
                empty_pot.release()
                full_pot.acquire()
            servings -= 1
            eaten.append(name)


c = threading.Thread(target=cook, args=(3,))
c.start()
savages = [threading.Thread(target=savage, args=("s%d" % i, 3)) for i in range(3)]
for s in savages:
    s.start()
for s in savages:
    s.join()
c.join()
print(len(eaten), sorted(set(eaten)), refills, servings)
