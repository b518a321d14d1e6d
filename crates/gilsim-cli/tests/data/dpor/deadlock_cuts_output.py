# One worker deadlocks on its own: it holds `guard` and enters a Condition built on the same
# (non-reentrant) lock. Another worker fails with an exception, and the main thread fails
# too. The run stops when the deadlock closes, so which tracebacks were printed by then
# depends on where the deadlocking step falls among the others' steps.
import threading

guard = threading.Lock()
ready = threading.Condition(guard)


def broken():
    return missing_name


def self_deadlock():
    with guard:
        with ready:
            pass


threading.Thread(target=broken).start()
threading.Thread(target=self_deadlock).start()
undefined_thread.start()
