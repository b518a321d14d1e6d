# Two threads print two lines each: every interleaving of the four lines is an outcome.
import threading


def say(name):
    print(name, 1)
    print(name, 2)


speakers = [threading.Thread(target=say, args=(n,)) for n in "ab"]
for s in speakers:
    s.start()
for s in speakers:
    s.join()
