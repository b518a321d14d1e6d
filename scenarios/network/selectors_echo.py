# gilsim: expect=ok
# A multi-connection echo server on selectors with non-blocking sockets (the pattern of the
# well-known tutorials), serving three client threads from the main thread's event loop.
import selectors
import socket
import threading
import types

sel = selectors.DefaultSelector()
lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
lsock.bind(("127.0.0.1", 0))
lsock.listen()
port = lsock.getsockname()[1]
lsock.setblocking(False)
sel.register(lsock, selectors.EVENT_READ, data=None)

def accept_wrapper(sock):
    conn, addr = sock.accept()
    conn.setblocking(False)
    data = types.SimpleNamespace(addr=addr, inb=b"", outb=b"")
    events = selectors.EVENT_READ | selectors.EVENT_WRITE
    sel.register(conn, events, data=data)

closed = []
def service_connection(key, mask):
    sock = key.fileobj
    data = key.data
    if mask & selectors.EVENT_READ:
        recv_data = sock.recv(1024)
        if recv_data:
            data.outb += recv_data
        else:
            sel.unregister(sock)
            sock.close()
            closed.append(1)
    if mask & selectors.EVENT_WRITE:
        if data.outb:
            sent = sock.send(data.outb)
            data.outb = data.outb[sent:]

results = {}
def client(i):
    s = socket.socket()
    s.connect(("127.0.0.1", port))
    msg = f"message {i}".encode()
    s.sendall(msg)
    got = b""
    while len(got) < len(msg):
        got += s.recv(1024)
    s.close()
    results[i] = got

ts = [threading.Thread(target=client, args=(i,)) for i in range(3)]
for t in ts: t.start()
while len(closed) < 3:
    events = sel.select(timeout=1)
    for key, mask in events:
        if key.data is None:
            accept_wrapper(key.fileobj)
        else:
            service_connection(key, mask)
for t in ts: t.join()
sel.close()
print(sorted(results.items()))
c = socket.socket(); c.setblocking(False)
print(c.connect_ex(("127.0.0.1", port)))
