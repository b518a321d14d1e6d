# Modelled on public "threaded web crawler" exercises, with an in-memory link graph instead of HTTP.
import queue
import threading

LINKS = {
    "/": ["/a", "/b", "/c"],
    "/a": ["/a/1", "/b"],
    "/b": ["/", "/b/1", "/b/2"],
    "/c": [],
    "/a/1": ["/c"],
    "/b/1": ["/b/2"],
    "/b/2": [],
}
to_visit = queue.Queue()
visited = set()
lock = threading.Lock()
depth = {"/": 0}


def crawler():
    while True:
        url = to_visit.get()
        if url is None:
            to_visit.task_done()
            return
        for link in LINKS.get(url, []):
            with lock:
                if link in visited:
                    continue
                visited.add(link)
                depth[link] = depth[url] + 1
            to_visit.put(link)
        to_visit.task_done()


visited.add("/")
to_visit.put("/")
workers = [threading.Thread(target=crawler) for _ in range(3)]
for w in workers:
    w.start()
to_visit.join()
for _ in workers:
    to_visit.put(None)
for w in workers:
    w.join()
print(sorted(visited))
print(sorted(depth.items(), key=lambda kv: (kv[1], kv[0])))
