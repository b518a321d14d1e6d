# gilsim: expect=ok
# socketserver as people use it: a ThreadingTCPServer whose StreamRequestHandler answers each
# line, served by serve_forever() in a thread and stopped with shutdown(); a client talking
# through makefile(), and one whose request fails in the handler (the server's report); then a
# UDP server answering datagrams with handle_request().
import socket
import socketserver
import threading


class Calculator(socketserver.StreamRequestHandler):
    def handle(self):
        for raw in self.rfile:
            line = raw.decode().strip()
            if line == "bye":
                self.wfile.write(b"goodbye\n")
                return
            left, op, right = line.split()
            if op == "/":
                value = int(left) // int(right)
            else:
                value = {"+": int(left) + int(right), "*": int(left) * int(right)}[op]
            self.wfile.write(f"{line} = {value}\n".encode())


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server(("localhost", 0), Calculator) as server:
    host, port = server.server_address
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    serving.start()
    with socket.create_connection((host, port)) as sock:
        stream = sock.makefile("rw")
        for question in ["2 + 3", "6 * 7", "10 + -4", "bye"]:
            stream.write(question + "\n")
            stream.flush()
            print(stream.readline().rstrip())
    # A request the handler fails on: the server prints the traceback (handle_error) and
    # closes the connection. A fixed source port makes the report the same in every run.
    with socket.create_connection((host, port), source_address=("127.0.0.1", 45678)) as sock:
        sock.sendall(b"7 / 0\n")
        print("after a failed request:", sock.recv(100))
    server.shutdown()
    serving.join()
print("tcp server stopped")


class Shouter(socketserver.DatagramRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.read().upper() + b"!")


udp = socketserver.UDPServer(("127.0.0.1", 0), Shouter)
answers = []


def ask(words):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(1.0)
    for word in words:
        sock.sendto(word, udp.server_address)
        answers.append(sock.recvfrom(64)[0])
    sock.close()


asker = threading.Thread(target=ask, args=([b"ping", b"pong"],))
asker.start()
udp.handle_request()
udp.handle_request()
asker.join()
udp.server_close()
print(answers)
