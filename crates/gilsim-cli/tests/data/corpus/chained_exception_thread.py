# Modelled on examples that wrap worker errors with raise ... from
import threading

class TaskError(Exception):
    pass

errors = []

def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise TaskError('bad input %r' % text) from e

def worker(text):
    try:
        print('parsed', parse(text))
    except TaskError as e:
        errors.append(e)

for text in ['12', 'x3', '40']:
    t = threading.Thread(target=worker, args=(text,))
    t.start(); t.join()
for e in errors:
    print(type(e).__name__, e, '<-', type(e.__cause__).__name__, e.__cause__)
    print(e.__suppress_context__, e.__context__ is e.__cause__)
parse('oops')
