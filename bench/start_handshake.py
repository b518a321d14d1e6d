"""How much Thread.start()'s handshake costs a uniformly random search, in the abstract.

Five philosophers each take their left fork, then their right (dining_philosophers_5.py).
A scheduler picks a uniformly random runnable thread before every lock operation and every
start: the coarsest, most favourable granularity a uniformly random search can have (Shuttle's
random scheduler works so). With a plain spawn the deadlock shows in about 3% of the runs
(median ~21 runs to find it, Shuttle's figure). With CPython's handshake -- start() returns
only once the new thread has begun -- the main thread cannot start philosopher i + 1 until
philosopher i has run, and it falls to about 0.4% (median ~180): finer decisions only add to
that. gilsim's `random` decides at every switch point, hence its ~1200; `pos` does not pick
uniformly, hence its ~3. Run: python3 bench/start_handshake.py
"""
import random

N = 5


def deadlocks(rng, handshake):
    held = [False] * N
    step = {}  # philosopher -> 0 (take left) .. 4 (done)
    started = 0
    waiting_for = None  # the philosopher main waits for, under the handshake
    while True:
        runnable = [] if started == N or waiting_for is not None else ["main"]
        for p, s in step.items():
            needs = {0: p, 1: (p + 1) % N}.get(s)
            if needs is None or not held[needs]:
                runnable.append(p)
        if not runnable:
            return len(step) == N and all(s == 1 for s in step.values())
        t = rng.choice(runnable)
        if t == "main":
            step[started] = 0
            waiting_for = started if handshake else None
            started += 1
            continue
        if t == waiting_for:
            waiting_for = None
        s = step[t]
        fork = t if s in (0, 3) else (t + 1) % N
        held[fork] = s < 2
        step[t] = s + 1
        if step[t] == 4:
            del step[t]


def main():
    rng = random.Random(2026)
    runs = 100_000
    for handshake in (False, True):
        p = sum(deadlocks(rng, handshake) for _ in range(runs)) / runs
        label = "Thread.start() handshake" if handshake else "plain spawn             "
        print(f"{label}: deadlock in {p:.2%} of runs, median runs to find it ~{0.693 / p:.0f}")


if __name__ == "__main__":
    main()
