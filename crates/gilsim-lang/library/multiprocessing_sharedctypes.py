# multiprocessing.sharedctypes: values and arrays in memory shared between processes.
from multiprocessing import RawValue, RawArray, Value, Array, Synchronized, SynchronizedArray, SynchronizedString

__all__ = ["RawValue", "RawArray", "Value", "Array"]
