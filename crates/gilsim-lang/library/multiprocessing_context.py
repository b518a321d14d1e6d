# multiprocessing.context: the Process classes of each start method, the exceptions, and
# get_context().
from multiprocessing import (
    Process, SpawnProcess, ForkProcess, ProcessError, BufferTooShort, TimeoutError, AuthenticationError,
    get_context,
)
