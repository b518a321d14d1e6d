# gilsim: expect=ok python=2.7
# A Python 2 echo server and client: byte strings are str, socket.error is its own class.
import socket
import threading

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(("127.0.0.1", 0))
server.listen(1)


def serve():
    conn, addr = server.accept()
    while True:
        data = conn.recv(4)
        if not data:
            break
        conn.sendall(data.upper())
    conn.close()


t = threading.Thread(target=serve)
t.start()
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(server.getsockname())
client.sendall("hello, python 2")
client.shutdown(socket.SHUT_WR)
reply = ""
while True:
    chunk = client.recv(3)
    if not chunk:
        break
    reply += chunk
print "reply:", reply, type(reply)
client.close()
t.join()
try:
    socket.socket().connect(("127.0.0.1", 1))
except socket.error as e:
    print "error:", e, e.errno, type(e).__name__
print issubclass(socket.error, IOError), b"bytes" == "bytes"
