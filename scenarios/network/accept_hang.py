# gilsim: expect=hang
# A server thread waits in accept() for a client that connects to the wrong port and gives
# up; the main thread then joins the server thread forever. CPython hangs here; gilsim stops
# and shows both waits.
import socket
import threading

server = socket.create_server(("127.0.0.1", 0))


def serve():
    conn, addr = server.accept()
    print("connection from", addr)
    conn.close()


thread = threading.Thread(target=serve, name="server")
thread.start()
try:
    socket.create_connection(("127.0.0.1", server.getsockname()[1] + 1))
except ConnectionRefusedError as e:
    print("client:", e)
thread.join()
