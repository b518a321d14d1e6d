# Modelled on public examples that log a worker's traceback with traceback.format_exc().
import concurrent.futures
import traceback


def parse(value):
    return int(value)


def safe_parse(value):
    try:
        return parse(value)
    except ValueError:
        return traceback.format_exc().strip().splitlines()[-1]


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    for value, result in zip(["1", "x", "3"], ex.map(safe_parse, ["1", "x", "3"])):
        print(repr(value), "->", result)
    fut = ex.submit(parse, "bad")
    exc = fut.exception()
    print(type(exc).__name__, exc)
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    print(lines[0].strip(), lines[-1].strip())
