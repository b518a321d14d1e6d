# Two threads increment a shared counter once each, with no lock: the update is lost when a
# switch lands between the read and the write. Bench: runs to the first failure
# (bench/find.sh, with --switch-points every).
import threading

count = 0


def work():
    global count
    count += 1


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert count == 2, count
