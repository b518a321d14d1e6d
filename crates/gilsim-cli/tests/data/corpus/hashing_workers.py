# Modelled on threaded hashing tutorials (hashlib over str.encode).
import hashlib
import threading

words = ["apple", "banana", "cherry"]
digests = {}
lock = threading.Lock()


def digest(word):
    h = hashlib.sha256(word.encode("utf-8")).hexdigest()
    with lock:
        digests[word] = h[:16]


threads = [threading.Thread(target=digest, args=(w,)) for w in words]
for t in threads:
    t.start()
for t in threads:
    t.join()
for w in words:
    print(w, digests[w])
print(hashlib.md5(b"gilsim").hexdigest())
