# Modelled on public ping-pong examples alternating two threads with two Events.
import threading

ping_turn = threading.Event()
pong_turn = threading.Event()
out = []
ping_turn.set()


def player(name, my_turn, other_turn, rounds):
    for i in range(rounds):
        my_turn.wait()
        my_turn.clear()
        out.append("%s %d" % (name, i))
        other_turn.set()


a = threading.Thread(target=player, args=("ping", ping_turn, pong_turn, 4))
b = threading.Thread(target=player, args=("pong", pong_turn, ping_turn, 4))
a.start()
b.start()
a.join()
b.join()
print("\n".join(out))
