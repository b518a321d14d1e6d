# Modelled on command-line worker scripts: argparse options, typing annotations, a word count
# merged under a lock, and checks of what is loaded through sys.modules.
import argparse
import sys
import threading
import time
from typing import List, Dict, Optional

parser = argparse.ArgumentParser(description="Count words with worker threads")
parser.add_argument("--workers", type=int, default=3, help="number of workers")
parser.add_argument("--verbose", "-v", action="store_true")
args = parser.parse_args()

print("modules loaded:", "threading" in sys.modules, "argparse" in sys.modules)
print(args)
results: Dict[str, int] = {}
lock = threading.Lock()

def count(words: List[str], name: Optional[str] = None) -> None:
    local: Dict[str, int] = {}
    for w in words:
        local[w] = local.get(w, 0) + 1
    with lock:
        for k, v in local.items():
            results[k] = results.get(k, 0) + v

text = "the quick brown fox jumps over the lazy dog the end".split()
chunks = [text[i::args.workers] for i in range(args.workers)]
ts = [threading.Thread(target=count, args=(c,), name=f"counter-{i}") for i, c in enumerate(chunks)]
for t in ts: t.start()
for t in ts: t.join()
for k in sorted(results):
    print(f"{k:>6}: {results[k]}")
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
print(threading.TIMEOUT_MAX > 1000)
print(sys.version_info >= (3, 0), sys.platform)
