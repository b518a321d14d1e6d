# Modelled on the multiprocessing Pipe examples: a duplex echo child, then a one-way pipe used the wrong way.
from multiprocessing import Process, Pipe

def child(conn):
    while True:
        msg = conn.recv()
        if msg == "bye":
            conn.send("ok, bye")
            break
        conn.send(msg.upper())
    conn.close()

if __name__ == "__main__":
    parent, kid = Pipe()
    p = Process(target=child, args=(kid,))
    p.start()
    for word in ["ping", "hello", "bye"]:
        parent.send(word)
        print(parent.recv())
    p.join()
    print("poll after:", parent.poll(0.01))
    a, b = Pipe(duplex=False)
    b.send([1, 2, {"x": 3}])
    print(a.recv())
    try:
        a.send(1)
    except OSError as e:
        print("OSError", e)
