import threading
l = threading.Lock()
l.release()
