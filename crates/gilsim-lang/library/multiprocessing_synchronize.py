# multiprocessing.synchronize: the locks and the primitives built on SemLock.
from multiprocessing import SemLock, Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier

__all__ = ["Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event"]
