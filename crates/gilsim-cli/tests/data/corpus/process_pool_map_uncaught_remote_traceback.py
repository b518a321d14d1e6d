# Modelled on the concurrent.futures docs: ProcessPoolExecutor.map's function raising, uncaught, with the _RemoteTraceback cause.
from concurrent.futures import ProcessPoolExecutor

def f(x):
    return 10 // x

if __name__ == "__main__":
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(f, [1, 0, 2])))
