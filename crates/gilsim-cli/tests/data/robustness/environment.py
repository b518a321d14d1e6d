import os
print(os.environ.get("HOME"))
print(os.getpid())
