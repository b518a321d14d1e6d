# A chain of conflicts through one list: the claimer's step checks and sets a slot and then
# appends to the log; two other workers append after it. The main thread's update of the slot
# can come before the whole claimer step while both appends still follow it.
import threading

slot = [0, 0]
log = []
guard = threading.Lock()


def reader():
    log.append(0)


def notifier():
    log.append(2)


def claimer():
    if slot[1] == 0:
        slot[1] = 3
    with guard:
        log.append(13)


workers = [threading.Thread(target=f) for f in (reader, notifier, claimer)]
for w in workers:
    w.start()
slot[1] = slot[1] + 1
for w in workers:
    w.join()
print(slot, log)
