# Modelled on the multiprocessing Process docs: names, exit codes of a raising and a sys.exit child, join before start.
import multiprocessing as mp
import sys

def ok():
    print("child", mp.current_process().name, mp.current_process().daemon)

def fail():
    raise RuntimeError("bad child")

def code():
    sys.exit(3)

if __name__ == "__main__":
    ps = [mp.Process(target=ok, name="alpha"), mp.Process(target=fail, name="beta"), mp.Process(target=code)]
    for p in ps:
        p.start()
        p.join()
    for p in ps:
        print(p.name, p.exitcode)
    print(mp.current_process().name, mp.parent_process())
    p = mp.Process(target=ok)
    print(p.exitcode, p.is_alive(), p.name)
    try:
        p.join()
    except AssertionError as e:
        print("AssertionError:", e)
