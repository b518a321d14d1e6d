# Modelled on request-tracing examples: worker threads derive stable request ids with uuid5,
# tag them with uuid4 and secrets tokens, and encode payloads with base64.
import base64
import queue
import secrets
import threading
import uuid

SERVICE = uuid.uuid5(uuid.NAMESPACE_DNS, "orders.example.com")
requests = queue.Queue()
results = {}
results_lock = threading.Lock()


def worker():
    while True:
        item = requests.get()
        if item is None:
            requests.task_done()
            break
        order_id, payload = item
        request_id = uuid.uuid5(SERVICE, f"order-{order_id}")
        encoded = base64.urlsafe_b64encode(payload.encode())
        trace = uuid.uuid4()
        token = secrets.token_hex(8)
        with results_lock:
            results[order_id] = (request_id, encoded, trace.version, len(token))
        requests.task_done()


workers = [threading.Thread(target=worker, name=f"w{i}") for i in range(3)]
for w in workers:
    w.start()
for order_id in range(6):
    requests.put((order_id, f"order #{order_id}: {'x' * order_id}?"))
for _ in workers:
    requests.put(None)
requests.join()
for w in workers:
    w.join()

print("service", SERVICE, SERVICE.version, SERVICE.variant)
for order_id in sorted(results):
    request_id, encoded, version, token_length = results[order_id]
    decoded = base64.urlsafe_b64decode(encoded).decode()
    print(order_id, request_id, encoded.decode(), decoded == f"order #{order_id}: {'x' * order_id}?", version, token_length)
print("md5 ids:", uuid.uuid3(uuid.NAMESPACE_URL, "https://example.com/a").hex)
same = uuid.UUID(str(SERVICE).upper())
print(same == SERVICE, repr(same), same.urn, same.int >> 96, same.fields[-1])
print(sorted([uuid.UUID(int=9), uuid.UUID(int=2), uuid.UUID(int=5)]))
print(base64.b64encode(b"\x00\xff\x10"), base64.b16encode(b"gil"), base64.b64decode("Z2lsc2lt"))
try:
    base64.b64decode("abc")
except ValueError as exc:
    print(type(exc).__name__, exc)
try:
    SERVICE.int = 0
except TypeError as exc:
    print("TypeError:", exc)
