import socket
s = socket.socket()
