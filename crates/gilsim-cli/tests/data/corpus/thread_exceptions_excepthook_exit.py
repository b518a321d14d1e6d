# Modelled on public examples of exceptions and sys.exit in threads, a custom threading.excepthook, join timeouts and start/join misuse.
import threading, sys, time

def bad():
    raise KeyError("missing")

def quitter():
    sys.exit(3)

t = threading.Thread(target=bad, name="Bad")
t.start(); t.join()
t = threading.Thread(target=quitter)
t.start(); t.join()
print("main continues", t.is_alive())

def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
t = threading.Thread(target=bad, name="Hooked")
t.start(); t.join()
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=time.sleep, args=(0.2,), daemon=True)
t.start()
t.join(timeout=0.01)
print("timed out join", t.is_alive(), t.daemon)
try:
    t.start()
except RuntimeError as e:
    print(e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print(e)
print(threading.current_thread().ident == threading.get_ident(), type(threading.get_native_id()).__name__)
