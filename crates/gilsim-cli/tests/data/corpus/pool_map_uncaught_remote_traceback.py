# Modelled on the multiprocessing docs: an exception in Pool.map's function left uncaught, printed with its RemoteTraceback.
from multiprocessing import Pool

def f(x):
    return 10 // x

if __name__ == "__main__":
    with Pool(2) as p:
        print(p.map(f, [1, 0, 2]))
