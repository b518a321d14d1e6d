# multiprocessing.queues: the queue classes (they take the context by keyword, `ctx=`).
from multiprocessing import Queue, JoinableQueue, SimpleQueue

__all__ = ["Queue", "SimpleQueue", "JoinableQueue"]
