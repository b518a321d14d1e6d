# Seed notes (002) on threading's module functions: main_thread(), get_ident(), and
# stack_size([size]), which returns the previous size, resets it to 0 when called without an
# argument, and rejects sizes other than 0 or at least 32 KiB with ValueError.
# gilsim: expect=ok
import threading

main = threading.main_thread()
print("main thread:", main.name, main is threading.current_thread())
print("ident is an int:", isinstance(threading.get_ident(), int), threading.get_ident() == main.ident)

print("default stack size:", threading.stack_size())
print("set 256 KiB, previous:", threading.stack_size(256 * 1024))
print("reset, previous:", threading.stack_size())
print("now:", threading.stack_size(0))
for bad in (4096, -1, 32767):
    try:
        threading.stack_size(bad)
    except ValueError as e:
        print("stack_size(%d): ValueError: %s" % (bad, e))
try:
    threading.stack_size("big")
except TypeError as e:
    print("TypeError:", e)
print("32 KiB is the smallest allowed:", threading.stack_size(32768), threading.stack_size())


def report():
    me = threading.current_thread()
    print("in", me.name, "main?", me is threading.main_thread(), "same ident?", me.ident == threading.get_ident())


t = threading.Thread(target=report, name="worker")
t.start()
t.join()
