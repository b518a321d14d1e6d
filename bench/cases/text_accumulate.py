# Benchmark case: text built up piece by piece, as threaded programs build reports and capture
# logs: a worker appends 10^5 pieces to a str with `+=`, and a logging handler writes 2·10^4
# records into an io.StringIO. Each was quadratic in gilsim once (every append copied the
# whole text); CPython grows such a str in place and accumulates a StringIO's writes.
import io
import logging
import threading


def build_report(out):
    report = ""
    for i in range(100000):
        report += "line %d\n" % i if i % 10 == 0 else "."
    out.append(len(report))


def capture_log(out):
    stream = io.StringIO()
    log = logging.getLogger("capture")
    log.addHandler(logging.StreamHandler(stream))
    log.setLevel(logging.INFO)
    for i in range(20000):
        log.info("record %d", i)
    out.append(len(stream.getvalue()))


results = []
workers = [threading.Thread(target=build_report, args=(results,)), threading.Thread(target=capture_log, args=(results,))]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(results))
