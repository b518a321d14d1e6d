# gilsim: expect=ok python=2.7
# Python 2's SocketServer: a threading TCP server answering one line per connection, served
# from a daemon thread and shut down from the main thread.
import SocketServer
import socket
import threading

class Handler(SocketServer.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline().strip()
        self.wfile.write("you said: %s\n" % line)

server = SocketServer.ThreadingTCPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=server.serve_forever)
t.daemon = True
t.start()
c = socket.create_connection(server.server_address)
c.sendall("hello\n")
print c.makefile().readline().strip()
c.close()
server.shutdown()
server.server_close()
print "stopped"
