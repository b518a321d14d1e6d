# Modelled on contextvars docs and questions: a ContextVar per request in a ThreadPoolExecutor, copy_context().run, a new thread's empty context.
import contextvars
import threading
from concurrent.futures import ThreadPoolExecutor

request_id = contextvars.ContextVar("request_id", default="none")


def handler(n):
    token = request_id.set(f"req-{n}")
    try:
        return f"{threading.current_thread().name.split('_')[0]}:{request_id.get()}"
    finally:
        request_id.reset(token)


def inherit():
    return request_id.get()


request_id.set("main")
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
    print(sorted(ex.map(handler, range(4))))
    print(ex.submit(inherit).result())
    ctx = contextvars.copy_context()
    print(ex.submit(ctx.run, inherit).result())
t = threading.Thread(target=lambda: print("thread sees", request_id.get()))
t.start()
t.join()
print(request_id.get(), request_id.name, repr(request_id)[:30])
