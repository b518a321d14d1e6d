# os: the names written in Python, loaded on first use — `os.path`, available after
# `import os` as in CPython. The rest of os is native (modules/os.rs).
import os.path as path
