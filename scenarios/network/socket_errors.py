# gilsim: expect=exception
# What goes wrong with sockets, with CPython's exceptions and messages on Linux: a refused
# connection, a port in use, timeouts and non-blocking calls, a closed socket, a peer that
# went away (the first send is lost, the next is a broken pipe), an unknown host, and at the
# end a str sent where bytes belong, uncaught.
import socket
import threading

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
port = listener.getsockname()[1]
print("family", listener.family, "type", listener.type, "timeout", listener.gettimeout())

try:
    socket.create_connection(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("not listening yet:", e, e.errno)

other = socket.socket()
try:
    other.bind(("127.0.0.1", port))
except OSError as e:
    print("second bind:", e)
other.close()

listener.listen(1)
listener.settimeout(0.2)
try:
    listener.accept()
except socket.timeout as e:
    print("accept:", e, "-", type(e).__name__)
listener.setblocking(False)
try:
    listener.accept()
except BlockingIOError as e:
    print("non-blocking accept:", e)
listener.setblocking(True)

client = socket.create_connection(("localhost", port))
conn, _ = listener.accept()
print("connect_ex to a closed port:", socket.socket().connect_ex(("127.0.0.1", 1)))
client.sendall(b"last words")
client.close()
print("after the peer closed:", conn.recv(100), conn.recv(100))
print("first send to a closed peer:", conn.send(b"lost"))
try:
    conn.send(b"again")
except BrokenPipeError as e:
    print("second send:", e)
conn.close()
try:
    conn.recv(1)
except OSError as e:
    print("recv on a closed socket:", e)

fresh = socket.socket()
try:
    fresh.recv(1)
except OSError as e:
    print("recv before connect:", e)
try:
    fresh.accept()
except OSError as e:
    print("accept before listen:", e)
try:
    socket.gethostbyname("no-such-host.invalid")
except socket.gaierror as e:
    print("lookup:", e)
print("localhost is", socket.gethostbyname("localhost"))

a, b = socket.socketpair()
waiter_got = []
waiter = threading.Thread(target=lambda: waiter_got.append(b.recv(10)))
waiter.start()
a.sendall(b"wake up")
waiter.join()
print("socketpair:", waiter_got)
a.sendall("text, not bytes")
