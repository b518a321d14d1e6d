# gilsim: expect=ok
# A small build system: graphlib's TopologicalSorter (3.9+; ModuleNotFoundError before)
# hands the steps whose dependencies are done to a pool of worker threads and is told as each
# finishes; a step's output is a byte log, parsed with the bytes methods (splitlines,
# partition, rpartition, rsplit, translate, padding, case, prefixes) and signed with hmac.
# A cycle in the graph is reported by CycleError with the nodes on it.
import hashlib
import hmac
import queue
import threading

try:
    from graphlib import CycleError, TopologicalSorter
except ImportError as error:
    print("no graphlib:", error)
    TopologicalSorter = None

KEY = b"build-farm-key"
STEPS = {
    "link": ["compile-a", "compile-b"],
    "compile-a": ["configure"],
    "compile-b": ["configure", "codegen"],
    "codegen": ["configure"],
    "test": ["link"],
    "package": ["link", "docs"],
}


def run_step(name):
    log = b"step: %s\r\nstatus=ok\nwarnings\t2\n\nartifact: out/%s.bin\n" % (name.encode(), name.encode())
    lines = log.splitlines()
    key, _, value = lines[1].partition(b"=")
    path = lines[-1].rpartition(b": ")[2]
    directory, _, filename = path.rpartition(b"/")
    fields = lines[2].expandtabs(4).rsplit(None, 1)
    signature = hmac.new(KEY, log, hashlib.sha256).hexdigest()[:12]
    return (name, key.upper(), value.title(), directory.ljust(4, b"."), filename.removesuffix(b".bin")
            if hasattr(filename, "removesuffix") else filename, fields, signature)


tasks = queue.Queue()
finished = queue.Queue()


def worker():
    while True:
        name = tasks.get()
        if name is None:
            return
        finished.put(run_step(name))


if TopologicalSorter is not None:
    workers = [threading.Thread(target=worker, name="builder-%d" % i) for i in range(3)]
    for w in workers:
        w.start()
    sorter = TopologicalSorter(STEPS)
    sorter.prepare()
    outputs = {}
    round_number = 0
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        round_number += 1
        print("round", round_number, ready)
        for name in ready:
            tasks.put(name)
        for _ in ready:
            result = finished.get()
            outputs[result[0]] = result
            sorter.done(result[0])
    for w in workers:
        tasks.put(None)
    for w in workers:
        w.join()
    for name in sorted(outputs):
        print(outputs[name])
    print(list(TopologicalSorter({"b": ["a"], "c": ["b"]}).static_order()))
    looped = TopologicalSorter({"a": ["c"], "b": ["a"], "c": ["b"]})
    try:
        looped.prepare()
    except CycleError as error:
        print("CycleError:", error.args)
    try:
        sorter.done("link")
    except ValueError as error:
        print("ValueError:", error)

table = bytes.maketrans(b"abc", b"ABC")
print(b"a-b-c".translate(table, b"-"), b"v1.2".zfill(6), b"-7".zfill(4), b"MiXeD".swapcase(), b"x".center(5, b"*"))
print(b"Build Farm".istitle(), b"build".islower(), b"OK 200".isupper(), b"line\x0bbreak".split(), b"  pad ".strip())
print(hmac.compare_digest(b"abc", b"abc"), hmac.new(KEY, digestmod="sha1").name, hmac.new(KEY, b"x", "md5").digest_size)
