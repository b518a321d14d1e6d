# A worker trips SIGINT for the main thread (_thread.interrupt_main) at some point of the
# main thread's loop: KeyboardInterrupt is raised at the main thread's next check, inside
# its try block or before it (the exception escapes), and the loop's count shows where.
import _thread
import threading

log = []


def trip():
    log.append("tripped")
    _thread.interrupt_main()


t = threading.Thread(target=trip)
t.start()
try:
    for i in range(2):
        log.append(i)
    t.join()
except KeyboardInterrupt:
    log.append("interrupted")
print(log)
