# gilsim: expect=ok
# A threaded HTTP service and its clients, as web examples write them: ThreadingHTTPServer
# with a JSON counter behind a lock, four client threads fetching with urllib, a POST, a 404
# (HTTPError), and a downloader pool whose far-away URLs fail as they do on a machine without
# a network (URLError: Name or service not known).
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn

hits = {"count": 0}
hits_lock = threading.Lock()
access_log = []


class Counter(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path != "/hit":
            self.send_error(HTTPStatus.NOT_FOUND, "No such page")
            return
        with hits_lock:
            hits["count"] += 1
        body = json.dumps({"query": urllib.parse.parse_qs(url.query)}).encode()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = self.rfile.read(int(self.headers["Content-Length"]))
        reply = b"stored " + data
        self.send_response(201, "Created")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, format, *args):
        access_log.append(args[1] if len(args) > 1 else args[0])


class Server(ThreadingMixIn, HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Counter)
serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
serving.start()
base = "http://127.0.0.1:%d" % server.server_address[1]

answers = {}


def visit(name):
    query = urllib.parse.urlencode({"who": name})
    with urllib.request.urlopen(base + "/hit?" + query) as response:
        answers[name] = (response.status, json.loads(response.read())["query"]["who"][0])


visitors = [threading.Thread(target=visit, args=(name,)) for name in ["ann", "bo", "cy", "di"]]
for v in visitors:
    v.start()
for v in visitors:
    v.join()
print("answers:", sorted(answers.items()))
print("hits:", hits["count"])

request = urllib.request.Request(base + "/notes", data=b"remember the milk", method="POST")
with urllib.request.urlopen(request) as response:
    print(response.status, response.reason, response.read())

try:
    urllib.request.urlopen(base + "/missing")
except urllib.error.HTTPError as e:
    print("HTTPError:", e, "| page mentions the message:", b"No such page" in e.read())


def download(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return url, len(response.read())
    except urllib.error.URLError as e:
        return url, str(e.reason)


urls = ["http://example.com/", "http://python.org/downloads", base + "/hit?who=pool",
        "http://127.0.0.1:1/"]
with ThreadPoolExecutor(max_workers=2) as pool:
    for url, outcome in pool.map(download, urls):
        print(url.replace(base, "<local>"), "->", outcome)

# URL text is ASCII: escapes decode through int(b"..", 16); str.isascii is new in 3.7.
print(urllib.parse.unquote("caf%C3%A9%20au%20lait"), urllib.parse.quote("café/menu"), int(b"ff", 16))
try:
    print("menu".isascii(), "café".isascii())
except AttributeError as e:
    print(e)

server.shutdown()
serving.join()
server.server_close()
print("access log codes:", sorted(access_log))
