# gilsim: expect=ok
# A job runner sizes its worker pool the way current advice says (the CPUs the process may
# run on: os.sched_getaffinity, or 3.13's os.process_cpu_count), reports the interpreter it
# runs on (ABI flags, build tag, whether the build is free-threaded: sysconfig's
# Py_GIL_DISABLED, sys._is_gil_enabled on 3.13) and fits its progress lines to the terminal
# (shutil.get_terminal_size falls back to 80x24 when output is not a terminal). The workers
# square numbers; the counts and the layout are the same on every run.
import os
import shutil
import sys
import sysconfig
import threading

if hasattr(os, "process_cpu_count"):
    usable = os.process_cpu_count()
else:
    usable = len(os.sched_getaffinity(0))
workers = min(2, usable)

free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
print("python %s, abiflags %r, ext %s" % (sysconfig.get_python_version(), sys.abiflags,
                                          sysconfig.get_config_var("EXT_SUFFIX")))
print("build:", "free-threaded" if free_threaded else "with GIL", "| GIL enabled:", gil)
print("platform %s, pointer size %d, pymalloc %s" % (sysconfig.get_platform(), sysconfig.get_config_var("SIZEOF_VOID_P"),
                                                     sysconfig.get_config_var("WITH_PYMALLOC")))
print("flags: optimize=%d verbose=%d isolated=%d, %d fields" % (sys.flags.optimize, sys.flags.verbose,
                                                                sys.flags.isolated, len(sys.flags)))
print("threads:", sys.thread_info.name, sys.thread_info.lock, "| float repr:", sys.float_repr_style)
print("usable CPUs match cpu_count:", usable == os.cpu_count(), "| stdout is a tty:", os.isatty(1))

width = shutil.get_terminal_size().columns
print("terminal:", shutil.get_terminal_size(), "| custom fallback:", tuple(shutil.get_terminal_size((120, 50))))
try:
    os.get_terminal_size()
except OSError as e:
    print("no terminal:", e.errno, e.strerror)

results = {}
lock = threading.Lock()


def square_all(index, numbers):
    total = 0
    for n in numbers:
        total += n * n
    with lock:
        results[index] = total


chunks = [list(range(i, 200, workers)) for i in range(workers)]
threads = [threading.Thread(target=square_all, args=(i, c), name="job-%d" % i) for i, c in enumerate(chunks)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for index in sorted(results):
    line = "job-%d: %d" % (index, results[index])
    print(line.ljust(width - 20, ".") + " done")
print("total", sum(results.values()), "=", sum(n * n for n in range(200)))
print("paths:", sorted(sysconfig.get_paths()) == sorted(sysconfig.get_path_names() + ("platinclude",)))
print("unknown config var:", sysconfig.get_config_var("NO_SUCH_VAR"), "| prefix:", sys.prefix == sys.exec_prefix)
