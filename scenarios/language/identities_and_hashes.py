# Identities and hashes are the run's own: id() and the hash of an object, a function or a
# class come from counters of the run, never from addresses, so every process prints the same
# values; numbers and tuples hash as in CPython (whose string hashes vary per process).
# gilsim: expect=ok
import threading


class Account:
    pass


def deposit():
    pass


accounts = [Account() for _ in range(3)]
print([hash(a) % 1000 for a in accounts])
print(hash(deposit) % 1000, hash(Account) % 1000, id(accounts[0]) % 1000)
print(hash((1, 2)), hash(2.5), hash(-1), hash((accounts[0], 1)) % 1000)
lock = threading.Lock()
print(hash(lock) % 1000, id(lock) % 1000)
print(repr(deposit).split(" at ")[0], repr(accounts[0]).split(" at ")[0])
