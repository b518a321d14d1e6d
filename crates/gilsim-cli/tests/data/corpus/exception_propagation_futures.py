# Modelled on examples re-raising a worker's exception in the caller via Future.result().
import concurrent.futures
import traceback


class ConfigError(Exception):
    pass


def load(name):
    if name.endswith(".bad"):
        raise ConfigError("cannot parse %s" % name)
    return {"name": name, "size": len(name)}


names = ["a.cfg", "b.bad", "c.cfg"]
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    futures = {name: ex.submit(load, name) for name in names}
for name, fut in futures.items():
    try:
        print(name, fut.result())
    except ConfigError as e:
        print(name, "failed:", e)
        print("".join(traceback.format_exception_only(type(e), e)).strip())
print(isinstance(futures["b.bad"].exception(), ConfigError), futures["a.cfg"].done())
