# Modelled on public examples checking that SystemExit in a thread only ends that thread.
import sys
import threading

finished = []


def quitter():
    try:
        sys.exit(3)
    finally:
        finished.append("quitter cleanup")


def normal():
    finished.append("normal done")


ts = [threading.Thread(target=quitter), threading.Thread(target=normal)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(finished))
print("main still running")
sys.exit(0)
