# gilsim: expect=ok
# A thread-per-client echo server, as socket tutorials write it: the main thread accepts,
# each connection gets a handler thread, and three client threads send a message, close
# their sending side and read the echo back in small pieces until end of file.
import socket
import threading

HOST = "127.0.0.1"
served = []
served_lock = threading.Lock()


def handle(conn, number):
    total = 0
    with conn:
        while True:
            data = conn.recv(8)
            if not data:
                break
            total += len(data)
            conn.sendall(data.upper())
    with served_lock:
        served.append((number, total))


def accept_clients(server, count):
    handlers = []
    for number in range(count):
        conn, addr = server.accept()
        assert addr[0] == HOST
        handler = threading.Thread(target=handle, args=(conn, number))
        handler.start()
        handlers.append(handler)
    for handler in handlers:
        handler.join()


def client(port, message, replies, index):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect((HOST, port))
        sock.sendall(message.encode("utf-8"))
        sock.shutdown(socket.SHUT_WR)
        pieces = []
        while True:
            piece = sock.recv(5)
            if not piece:
                break
            pieces.append(piece)
    replies[index] = b"".join(pieces).decode("utf-8")


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, 0))
server.listen(5)
port = server.getsockname()[1]
acceptor = threading.Thread(target=accept_clients, args=(server, 3))
acceptor.start()

messages = ["hello from the first client", "second", "and the third one, a little longer"]
replies = [None] * len(messages)
clients = [threading.Thread(target=client, args=(port, m, replies, i)) for i, m in enumerate(messages)]
for c in clients:
    c.start()
for c in clients:
    c.join()
acceptor.join()
server.close()

for reply in replies:
    print(reply)
print("bytes served:", sorted(total for _, total in served))
print("server closed:", server.fileno())
