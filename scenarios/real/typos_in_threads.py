# gilsim: expect=exception
# A job runner whose bugs are typos, as a first threaded program has them: a misspelt lock
# method, module attribute, queue method, instance attribute, variable and keyword argument,
# and a module used without its import. Each job runs in a worker thread that logs what it caught with
# `logging.exception`; one thread dies of its typo; the main thread's last call fails
# uncaught. From 3.10 CPython's own reports add "Did you mean: 'acquire'?" (from 3.12 the
# traceback module's too: `logging.exception`, `format_exc`), and from 3.12 a NameError of a
# standard module's name "Did you forget to import 'time'" and `self.total` for `total` in a
# method (3.12's traceback module searches with a stricter bound than its own report does);
# from 3.13 an unknown keyword argument "Did you mean 'target'?".
import logging
import queue
import threading
import traceback

logging.basicConfig(format="%(threadName)s %(levelname)s %(message)s")
results = queue.Queue()
ledger_lock = threading.Lock()
balance = 100


class Account:
    fee = 2

    def __init__(self, owner):
        self.owner = owner
        self.total = 0

    def deposit(self, amount):
        self.total += amount
        return self.totl

    def charge(self):
        return self.total - fees  # noqa: F821

    def report(self):
        return "%s: %d" % (self.ownr, total)  # noqa: F821

    def audit(self):
        return "%s: %d" % (self.owner, total)  # noqa: F821


def misspelt_lock():
    ledger_lock.aquire()


def misspelt_module():
    return threading.curent_thread().name


def misspelt_queue():
    results.put_nowiat("done")


def misspelt_variable():
    return balanse  # noqa: F821


def missing_import():
    time.sleep(0.01)  # noqa: F821


def misspelt_keyword():
    threading.Thread(targt=misspelt_lock)


def misspelt_argument():
    Account("gil").deposit(amuont=3)


def run(job):
    try:
        job()
    except Exception:
        logging.exception("job %s failed", job.__name__)
        results.put(traceback.format_exc().splitlines()[-1])


jobs = [misspelt_lock, misspelt_module, misspelt_queue, misspelt_variable, missing_import,
        Account("ann").charge, lambda: Account("bob").deposit(5), lambda: Account.fees,
        Account("dan").report, Account("eve").audit, lambda: ledger_lock.lockd(), misspelt_keyword,
        misspelt_argument]
for job in jobs:
    worker = threading.Thread(target=run, args=(job,), name="worker")
    worker.start()
    worker.join()
while not results.empty():
    print(results.get())

dying = threading.Thread(target=lambda: Account("fay").audit(), name="dying")
dying.start()
dying.join()
Account("cy").deposit(1)
