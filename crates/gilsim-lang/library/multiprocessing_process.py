# multiprocessing.process: the process classes' base and the module functions about processes.
import multiprocessing as _multiprocessing
from multiprocessing import BaseProcess, current_process, active_children

__all__ = ["BaseProcess", "current_process", "active_children"]

if hasattr(_multiprocessing, "parent_process"):
    from multiprocessing import parent_process

    __all__.append("parent_process")
