import threading
ev = threading.Event()
for i in range(5000):
    threading.Thread(target=ev.wait).start()
