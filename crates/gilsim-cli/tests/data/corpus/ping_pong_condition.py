# Modelled on "print ping and pong alternately with two threads" interview solutions.
import threading

cond = threading.Condition()
turn = ["ping"]
out = []


def player(word, other, rounds):
    for _ in range(rounds):
        with cond:
            while turn[0] != word:
                cond.wait()
            out.append(word)
            turn[0] = other
            cond.notify_all()


a = threading.Thread(target=player, args=("ping", "pong", 5))
b = threading.Thread(target=player, args=("pong", "ping", 5))
a.start()
b.start()
a.join()
b.join()
print(" ".join(out))
