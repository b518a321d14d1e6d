# gilsim: expect=ok
# A worker pool configured from the command line: `--cache/--no-cache` flags made by
# argparse.BooleanOptionalAction (3.9+; before, the module has no such attribute), required
# options, and usage lines long enough to wrap — split at the spaces inside a required option
# before 3.13, as CPython's usage formatter splits them, and kept whole from 3.13.
import argparse
import threading

if hasattr(argparse, "BooleanOptionalAction"):
    flags = argparse.ArgumentParser(prog="t")
    flags.add_argument("--cache", action=argparse.BooleanOptionalAction, help="use the cache")
    flags.add_argument("-d", "--dry-run", action=argparse.BooleanOptionalAction, default=True,
                       help="only print (%(default)s)")
    flags.add_argument("--fast", action=argparse.BooleanOptionalAction, required=True)
    flags.add_argument("--workers", type=int, default=2)
    options = flags.parse_args(["--no-ca", "--fast", "--workers", "3"])
    print(options)
    print(flags.parse_args(["-d", "--no-fast", "--cache"]))
    flags.print_help()
    try:
        flags.parse_args(["--cache=1", "--fast"])
    except SystemExit as e:
        print("exit", e.code)
    workers = options.workers
else:
    print("no BooleanOptionalAction")
    workers = 3

done = []
threads = [threading.Thread(target=done.append, args=(n,)) for n in range(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(done))

usage = argparse.ArgumentParser(prog="replicate-workers")
usage.add_argument("--source-directory", required=True, metavar="SRC")
usage.add_argument("--destination-directory", required=True)
usage.add_argument("--threads", type=int, required=True)
usage.add_argument("files", nargs="+")
usage.add_argument("extra", nargs="*")
group = usage.add_mutually_exclusive_group(required=True)
group.add_argument("--fast", action="store_true")
group.add_argument("--safe", action="store_true")
usage.print_usage()
