# gilsim: expect=hang
# Hang: a Barrier for three runners, but only two are started. Both wait at the barrier for
# a third party that never comes.
import threading

start_line = threading.Barrier(3)


def runner():
    name = threading.current_thread().name
    print(name, "at the start line")
    start_line.wait()
    print(name, "runs")


for n in range(2):
    threading.Thread(target=runner, name="runner-%d" % n).start()
