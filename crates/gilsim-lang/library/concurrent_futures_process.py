# concurrent.futures.process: where CPython defines ProcessPoolExecutor (library/concurrent_futures.py
# holds gilsim's).
from concurrent.futures import ProcessPoolExecutor, BrokenProcessPool
