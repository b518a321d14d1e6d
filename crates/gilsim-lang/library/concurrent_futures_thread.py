# concurrent.futures.thread: where CPython defines ThreadPoolExecutor (library/concurrent_futures.py
# holds gilsim's).
from concurrent.futures import ThreadPoolExecutor, BrokenThreadPool
