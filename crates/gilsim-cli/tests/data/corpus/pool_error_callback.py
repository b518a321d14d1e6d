# Modelled on the multiprocessing.Pool docs: apply_async with callback and error_callback, then a map that raises.
from multiprocessing import Pool

def risky(x):
    if x == 3:
        raise ValueError(f"bad value {x}")
    return x * 2

seen = []

def on_ok(r):
    seen.append(("ok", r))

def on_err(e):
    seen.append(("err", type(e).__name__, str(e)))

if __name__ == "__main__":
    with Pool(2) as pool:
        rs = [pool.apply_async(risky, (i,), callback=on_ok, error_callback=on_err) for i in range(5)]
        for r in rs:
            r.wait()
        out = []
        for r in rs:
            try:
                out.append(r.get())
            except ValueError as e:
                out.append(str(e))
        print(out)
        print(sorted(seen, key=str))
        try:
            pool.map(risky, range(5))
        except ValueError as e:
            print("map raised", e)
