# Python 2 tracebacks name the script's own lines: print statements are rewritten into calls
# that are longer than the line they replace, and an error raised while printing must still
# be reported at the line of the print (a worker's error, then the main thread's own).
# gilsim: expect=exception python=2.7
import threading

totals = {'apples': 3, 'pears': 5}


def report(name):
    print 'counting', name, totals[name]


worker = threading.Thread(target=report, args=('plums',))
worker.start()
worker.join()
print 'done with the worker'
print 'ratio:', totals['apples'] / (totals['pears'] - 5)
