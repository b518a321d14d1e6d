# gilsim: expect=ok
# A select()-driven chat relay in one thread: it accepts its members, relays each message to
# the others and drops a member at end of file. Members are threads that take turns (a
# Barrier) and print what they heard sorted, so the transcript is the same in every run.
import select
import socket
import threading

relay = socket.socket()
relay.bind(("127.0.0.1", 0))
relay.listen()
address = relay.getsockname()
names = ["ada", "bob", "cy"]
turns = threading.Barrier(len(names))
transcripts = {}


def member(name, lines):
    sock = socket.create_connection(address)
    sock.sendall(f"{name} joined\n".encode())
    turns.wait()
    for line in lines:
        sock.sendall(f"{name}: {line}\n".encode())
        turns.wait()
    sock.settimeout(0.5)
    heard = b""
    try:
        while True:
            chunk = sock.recv(1024)
            if not chunk:
                break
            heard += chunk
    except socket.timeout:
        pass
    sock.close()
    transcripts[name] = sorted(heard.decode().splitlines())


threads = [threading.Thread(target=member, args=(n, [f"hello #{i}" for i in range(2)])) for n in names]
for t in threads:
    t.start()

members = [relay.accept()[0] for _ in names]
while members:
    readable, _, _ = select.select(members, [], [], 2.0)
    if not readable:
        break
    for sock in readable:
        data = sock.recv(1024)
        if not data:
            members.remove(sock)
            sock.close()
            continue
        for other in members:
            if other is not sock:
                other.sendall(data)

for t in threads:
    t.join()
relay.close()
for name in names:
    print(name, "heard", len(transcripts[name]), "lines:")
    for line in transcripts[name]:
        print("   ", line)
