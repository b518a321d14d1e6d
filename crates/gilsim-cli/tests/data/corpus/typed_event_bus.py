# Modelled on modern, type-annotated event-bus examples: events are dataclasses whose fields
# use PEP 604 unions, handlers are registered with functools.singledispatch from their
# parameter annotations, worker threads drain a queue.Queue[Event], settings merge with the
# dict `|` operator and a TypedDict, and helpers take positional-only parameters.
from __future__ import annotations

import functools
import queue
import threading
from dataclasses import dataclass, field
from typing import TypedDict


class Settings(TypedDict, total=False):
    workers: int
    prefix: str


@dataclass
class Deposit:
    account: str
    amount: int
    note: str | None = None


@dataclass
class Withdrawal:
    account: str
    amount: int
    tags: list[str] = field(default_factory=list)


balances: dict[str, int] = {}
balance_lock = threading.Lock()


@functools.singledispatch
def apply(event: object) -> str:
    return "ignored %r" % (event,)


@apply.register
def _(event: Deposit) -> str:
    with balance_lock:
        balances[event.account] = balances.get(event.account, 0) + event.amount
    return "deposit %s %d" % (event.account, event.amount)


@apply.register
def _(event: Withdrawal) -> str:
    with balance_lock:
        balances[event.account] = balances.get(event.account, 0) - event.amount
    return "withdraw %s %d" % (event.account, event.amount)


def describe(amount: int, /, *, currency: str = "EUR") -> str:
    return "%d.%02d %s" % (amount.real // 100, amount.real % 100, currency)


defaults: Settings = {"workers": 3, "prefix": "bus"}
settings = defaults | Settings(workers=2)
settings |= {"prefix": "ledger"}
events: queue.Queue[Deposit | Withdrawal | None] = queue.Queue()
results: list[str] = []


def worker() -> None:
    while (event := events.get()) is not None:
        outcome = apply(event)
        with balance_lock:
            results.append(outcome)
        events.task_done()
    events.task_done()


threads = [threading.Thread(target=worker, name="%s-%d" % (settings["prefix"], i)) for i in range(settings["workers"])]
for t in threads:
    t.start()
for event in [Deposit("alice", 1250), Withdrawal("alice", 300, ["atm"]), Deposit("bob", 99, "gift"), "noise"]:
    events.put(event)
events.join()
for _ in threads:
    events.put(None)
for t in threads:
    t.join()

print(settings, sorted(results))
print({name: describe(cents) for name, cents in sorted(balances.items())})
print(apply.__annotations__, Deposit.__annotations__["note"])
print(isinstance(None, int | None), Deposit("x", 1) == Deposit("x", 1), describe(5, currency="USD"))
try:
    describe(amount=5)
except TypeError as error:
    print(error)
