# gc: a simulated run frees objects by reference counting and breaks cycles at its end
# (teardown), so collecting finds nothing to free: collect() reports 0 objects.
_enabled = True


def collect(generation=2):
    return 0


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


def get_count():
    return (0, 0, 0)


def get_threshold():
    return (700, 10, 10)


def set_threshold(threshold0, threshold1=10, threshold2=10):
    pass


garbage = []
callbacks = []
