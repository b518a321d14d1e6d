# gilsim: expect=possible-race
# A handler thread per client builds a short-lived Request object for every message — ten
# thousand over the run — and bumps the long-lived `stats.served` without a lock. The
# detectors track every object the script touches; the short-lived ones do not pile up (a
# dead object's locations are let go), and the race on `stats.served` is still found and
# named.
import threading


class Request:
    def __init__(self, client, seq):
        self.client = client
        self.seq = seq
        self.headers = {"seq": seq}


class Stats:
    def __init__(self):
        self.served = 0


stats = Stats()


def handle(client):
    for seq in range(5000):
        request = Request(client, seq)
        request.headers["seq"] += 1
        stats.served += 1


handlers = [threading.Thread(target=handle, args=(client,)) for client in range(2)]
for h in handlers:
    h.start()
for h in handlers:
    h.join()
print("served", stats.served, "of", 2 * 5000)
