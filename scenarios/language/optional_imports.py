# gilsim: expect=ok
# Imports a script guards with `except ImportError`: Python 2's module names tried first (the
# idiom of scripts written for both), an optional accelerator that is not installed, and the
# error's message and name — CPython's ModuleNotFoundError, raised where the import runs.
import threading

try:
    import Queue as queue
except ImportError:
    import queue

try:
    from urllib2 import urlopen
except ImportError:
    from urllib.request import urlopen

try:
    import gilsim_fast_counter as counter_impl
    FAST = True
except ImportError as e:
    FAST = False
    print(type(e).__name__, e, e.name)

try:
    import nonexistent_package.submodule
except (ImportError, AttributeError) as e:
    print(type(e).__name__, e)

try:
    from missing_toolkit import widgets
except Exception as e:
    print(type(e).__name__, e)


def load_optional():
    try:
        import optional_plugin
        return optional_plugin.VERSION
    except ImportError:
        return None


jobs = queue.Queue()
for n in range(5):
    jobs.put(n)
done = []


def worker():
    while True:
        try:
            n = jobs.get_nowait()
        except queue.Empty:
            return
        done.append((n, load_optional()))


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(FAST, urlopen.__name__, sorted(done))
