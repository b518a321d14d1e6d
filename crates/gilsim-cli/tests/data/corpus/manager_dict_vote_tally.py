# Modelled on multiprocessing Manager tutorials: voter processes tally into a shared dict under
# a manager lock, and the parent copies the proxies into plain containers to report.
from multiprocessing import Manager, Process


def vote(tally, ballots, lock, voter, choices):
    for choice in choices:
        with lock:
            tally[choice] = tally.get(choice, 0) + 1
        ballots.append((voter, choice))


if __name__ == "__main__":
    plan = {
        "ana": ["red", "blue"],
        "bo": ["blue"],
        "cy": ["green", "blue", "red"],
    }
    with Manager() as manager:
        tally = manager.dict()
        ballots = manager.list()
        lock = manager.Lock()
        voters = [Process(target=vote, args=(tally, ballots, lock, name, picks)) for name, picks in plan.items()]
        for p in voters:
            p.start()
        for p in voters:
            p.join()
        snapshot = dict(tally)
        print("tally:", sorted(snapshot.items()))
        print("winner:", max(sorted(snapshot), key=snapshot.get))
        print("ballots:", len(ballots), sorted(ballots)[:3])
        print("copy is a dict:", type(snapshot).__name__, "exit codes:", [p.exitcode for p in voters])
