# Python 2 tools that read their options with getopt and hand the work to threads: getopt
# and gnu_getopt, GetoptError caught the old way (`except getopt.GetoptError, err`), the
# traceback module printing a caught error (2.7 names its class without the module and keeps
# the header at limit 0), and a last option list refused uncaught, whose report shows 2.7's
# getopt.py frames.
# gilsim: expect=exception python=2.7
import getopt
import sys
import threading
import traceback
import Queue

work = Queue.Queue()
for argv in (['-n', '2', 'a.txt'], ['--name=db', '-q'], ['--nam'], ['x', '--quiet']):
    work.put(argv)
done = []


def worker():
    while True:
        try:
            argv = work.get_nowait()
        except Queue.Empty:
            return
        try:
            done.append((argv, getopt.getopt(argv, 'n:q', ['name=', 'quiet']),
                         getopt.gnu_getopt(argv, 'n:q', ['name=', 'quiet'])))
        except getopt.GetoptError, err:
            done.append((argv, 'error', str(err), err.opt))


threads = [threading.Thread(target=worker) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for row in sorted(done):
    print row
try:
    getopt.getopt(['-z'], 'n:')
except getopt.GetoptError:
    traceback.print_exc(0, sys.stdout)
    traceback.print_exc(None, sys.stdout)
    print traceback.format_exception_only(*sys.exc_info()[:2])
getopt.getopt(['--name'], '', ['name='])
